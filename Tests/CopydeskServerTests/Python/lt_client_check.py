"""language_tool_python, the PyPI client, pointed at `copydesk serve` with remote_server=.

Checks a wire story and asserts that the matches are Copydesk's findings and that each match's
offset and length slice the right words out of the text (Python indexes strings by code point,
LanguageTool counts UTF-16 units: the story has no character outside the BMP before a match, and
one test text below has one to check the conversion, which the client makes from UTF-16).

usage: python lt_client_check.py http://127.0.0.1:PORT STORY_FILE
"""
import json
import sys
import urllib.parse
import urllib.request

import language_tool_python

url, story_path = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}", file=sys.stderr)


text = open(story_path, encoding="utf-8").read()
tool = language_tool_python.LanguageTool("en-US", remote_server=url)
matches = tool.check(text)
by_rule = {}
for match in matches:
    by_rule.setdefault(match.rule_id, []).append(text[match.offset:match.offset + match.error_length])
print(f"{len(matches)} matches: {sorted(by_rule)}")

expected = {
    "dates.month": "September",
    "attribution.anonymous": "officials said",
    "encoding.mojibake": "CafÃ©",
    "dates.relative": "yesterday",
    "typography.legacy-quotes": "``",
}
for rule, words in expected.items():
    check(f"{rule} slices {words!r}", words in by_rule.get(rule, []), f"got {by_rule.get(rule)}")

month = next(m for m in matches if m.rule_id == "dates.month")
check("dates.month replacement", month.replacements[:1] == ["Sept."], month.replacements)
check("issue type locale-violation", month.rule_issue_type == "locale-violation", month.rule_issue_type)
check("category DATES", month.category == "DATES", month.category)
check("context slices the words", month.context[month.offset_in_context:month.offset_in_context + month.error_length] == "September", month.context)

corrected = tool.correct(text)
check("correct() applies replacements", "Sept. 15" in corrected and "Café" in corrected and "September 15th" not in corrected, corrected[:200])

tool.disabled_rules.update({"dates.month"})
check("disabledRules honoured", all(m.rule_id != "dates.month" for m in tool.check(text)))
tool.disabled_rules.clear()
tool.disable_spellchecking()  # disabledCategories=TYPOS: a LanguageTool category, accepted and ignored
check("LanguageTool's own categories are accepted", len(tool.check(text)) == len(matches))

# UTF-16 offsets: an emoji (two UTF-16 units) before the match. language_tool_python turns
# LanguageTool's UTF-16 offsets into code points itself, so the slice is right only if the
# server counted UTF-16 units.
emoji = "Protesters 😀 said the the tax was unfair."
found = [m for m in tool.check(emoji) if m.rule_id == "repetition.word"]
check("repetition.word found after an emoji", len(found) == 1, found)
if found:
    m = found[0]
    sliced = emoji[m.offset:m.offset + m.error_length]
    check("UTF-16 offset slices ' the' (the repeated word and its space)", sliced == " the", repr(sliced))

# LanguageTool's data parameter: offsets into the document as sent, markup included.
data = {"annotation": [{"markup": "<p>"}, {"text": "He said the the tax was "}, {"markup": "<b>"}, {"text": "unfair"}, {"markup": "</b>"}, {"text": "."}]}
document = "".join(part.get("text", part.get("markup", "")) for part in data["annotation"])
body = urllib.parse.urlencode({"data": json.dumps(data), "language": "en-US"}).encode()
answer = json.load(urllib.request.urlopen(url.rstrip("/") + "/v2/check", body))
repeated = [m for m in answer["matches"] if m["rule"]["id"] == "repetition.word"]
check("data: repetition.word found", len(repeated) == 1, answer["matches"])
if repeated:
    m = repeated[0]
    check("data: offset into the document", document[m["offset"]:m["offset"] + m["length"]] == " the", document[m["offset"]:m["offset"] + m["length"]])

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
