"""Times the Python peers on the corpus generate-corpus wrote; one line per measurement.

    python peers.py proselint CORPUS/clean.txt  [--limit BYTES]
    python peers.py ftfy      CORPUS/dirty.txt
    python peers.py datasketch CORPUS/minhash
    python peers.py proselint-files DIR        (every file of DIR once, printing what it finds:
                                               timed from outside as a whole process)
Prints: NAME <bytes-or-items> <median seconds> <rate>  (MB/s, or items/s for datasketch).
Stories in the .txt files are separated by a form-feed line, as cdbench reads them.
"""
import os
import statistics
import sys
import time


def stories(path, limit=None):
    with open(path, encoding="utf-8") as f:
        items = f.read().split("\n\f\n")
    if limit:
        out, total = [], 0
        for s in items:
            if total >= limit:
                break
            out.append(s)
            total += len(s.encode())
        items = out
    return items


def timed(fn, runs):
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    mode, path = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    if mode == "proselint":
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
        CheckRegistry().register_many(__register__)
        items = stories(path, limit)
        size = sum(len(s.encode()) for s in items)
        t = timed(lambda: [LintFile("story.txt", s).lint(DEFAULT) for s in items], runs)
        print(f"proselint {size} {t:.4f} {size / t / 1e6:.3f}")
    elif mode == "proselint-files":
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
        CheckRegistry().register_many(__register__)
        for name in sorted(os.listdir(path)):
            with open(os.path.join(path, name), encoding="utf-8") as f:
                for found in LintFile(name, f.read()).lint(DEFAULT):
                    print(name, found)
    elif mode.startswith("ftfy"):
        import ftfy
        items = stories(path, limit)
        size = sum(len(s.encode()) for s in items)
        t = timed(lambda: [ftfy.fix_text(s) for s in items], runs)
        print(f"{mode} {size} {t:.4f} {size / t / 1e6:.3f}")
    elif mode == "datasketch":
        from datasketch import MinHash, MinHashLSH
        texts = []
        for name in sorted(os.listdir(path)):
            with open(os.path.join(path, name), encoding="utf-8") as f:
                texts.append(f.read())
        if limit:
            texts = texts[:limit]

        def shingles(text):
            words = text.lower().split()
            return [" ".join(words[i:i + 5]).encode() for i in range(max(1, len(words) - 4))]

        shingled = [shingles(t) for t in texts]

        def signatures():
            out = []
            for sh in shingled:
                m = MinHash(num_perm=128)
                m.update_batch(sh)
                out.append(m)
            return out

        t = timed(signatures, runs)
        print(f"datasketch-minhash {len(texts)} {t:.4f} {len(texts) / t:.1f}")
        sigs = signatures()

        def lsh():
            index = MinHashLSH(threshold=0.8, num_perm=128)
            for i, m in enumerate(sigs):
                index.insert(str(i), m)
            for m in sigs:
                index.query(m)

        t = timed(lsh, runs)
        print(f"datasketch-lsh {len(texts)} {t:.4f} {len(texts) / t:.1f}")
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
