#!/bin/sh
# Translation memory speed: imports a generated TMX of 52,000 Greek→English paragraphs into a
# fresh archive (`copydesk tm import`), then prepares a 1,001-paragraph story against it
# (`copydesk translate prepare`: a third exact repeats, a third with 1–4 words changed, a third
# new), with fuzzy matching (75%) and exact-only. Prints segments/s and ms per paragraph.
# Usage: Benchmarks/translation-memory.sh [SEGMENTS]   (from the package root; builds release)
set -eu
segments=${1:-52000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product copydesk >/dev/null
copydesk=$(swift build -c release --show-bin-path)/copydesk
python3 - "$work" "$segments" <<'PY'
import random, sys
work, count = sys.argv[1], int(sys.argv[2])
random.seed(7)
syllables = ["πα","ρα","το","κο","μη","νι","σε","λα","ρι","θε","ση","γο","δη","μο","κρα","τι","στη","πο","λη","να","ερ","γα","σι","ου"]
vocabulary = sorted({"".join(random.choice(syllables) for _ in range(random.randint(1, 4))) for _ in range(60000)})
common = ["ο","η","το","και","του","της","στην","για","με","σε","από","που","τα","οι","των","ότι","θα","να","είναι","δήλωσε"]
def word():
    if random.random() < 0.45: return random.choice(common)
    return vocabulary[int((random.random() ** 2.5) * len(vocabulary))]
def paragraph():
    words = [word() for _ in range(random.randint(12, 45))]
    if random.random() < 0.5: words.insert(random.randint(0, len(words)), "%d,5%%" % random.randint(1, 2000))
    return " ".join(words).capitalize() + "."
paragraphs = [paragraph() for _ in range(count)]
with open(work + "/memory.tmx", "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="el" datatype="plaintext" segtype="paragraph" adminlang="en" o-tmf="bench" creationtool="bench" creationtoolversion="1"/><body>\n')
    for i, p in enumerate(paragraphs):
        f.write('<tu tuid="b%d"><tuv xml:lang="el"><seg>%s</seg></tuv><tuv xml:lang="en"><seg>Translation %d of a paragraph about the matter.</seg></tuv></tu>\n' % (i, p, i))
    f.write("</body></tmx>\n")
story = []
for k in range(1000):
    if k % 3 == 0: story.append(random.choice(paragraphs))
    elif k % 3 == 1:
        words = random.choice(paragraphs).rstrip(".").split(" ")
        for _ in range(random.randint(1, 4)): words[random.randrange(len(words))] = word()
        story.append(" ".join(words) + ".")
    else: story.append(paragraph())
with open(work + "/story.txt", "w") as f:
    f.write("Τίτλος δοκιμής για τη μέτρηση\n\n" + "\n\n".join(story) + "\n")
PY
seconds() { python3 -c 'import sys,time; print(time.time())'; }
start=$(seconds); "$copydesk" tm import --archive "$work/a.sqlite" "$work/memory.tmx" 2>"$work/import.log"; end=$(seconds)
python3 -c "print('import: %d segments in %.2f s = %.0f segments/s' % ($segments, $end - $start, $segments / ($end - $start)))"
for threshold in 75 100; do
  start=$(seconds); "$copydesk" translate prepare --archive "$work/a.sqlite" --source "$work/story.txt" --source-lang el --threshold $threshold -o "$work/out.xlf" 2>"$work/prepare.log"; end=$(seconds)
  python3 -c "print('prepare, threshold $threshold%%: 1001 paragraphs in %.2f s = %.2f ms per paragraph' % ($end - $start, ($end - $start) * 1000 / 1001))"
  sed 's/ (.*)//' "$work/prepare.log"
done
ls -l "$work/a.sqlite" | awk '{ printf "archive: %.1f MB\n", $5 / 1048576 }'
