"""The desk page in a real browser: Debian's headless chromium driven by selenium through
Debian's chromedriver. Loads the page from a running `copydesk serve`, pastes the bundled
example story, and asserts the findings underlined in place, the list grouped by family, that
applying a fix changes the text, the dedup panel and the translation mode.

usage: python desk_page_check.py http://127.0.0.1:PORT STORY_FILE [--screenshot out.png]
"""
import os
import shutil
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

url, story_path = sys.argv[1], sys.argv[2]
screenshot = sys.argv[sys.argv.index("--screenshot") + 1] if "--screenshot" in sys.argv else None
passed = failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}", file=sys.stderr)


options = webdriver.ChromeOptions()
options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 30)
story = open(story_path, encoding="utf-8").read()


def paste(element_id, text):
    # What a paste does: the textarea's value changes and an input event fires.
    driver.execute_script(
        "const a = document.getElementById(arguments[0]); a.focus(); a.value = arguments[1];"
        "a.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));",
        element_id, text)


def marks(rule):
    return [m.text for m in driver.find_elements(By.CSS_SELECTOR, "mark.finding") if rule in m.get_attribute("data-rule").split()]


try:
    driver.get(url + "/")
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#style option")) >= 1)
    styles = [o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "#style option")]
    check("styles listed", "ap" in styles and "guardian" in styles, styles)

    paste("story", story)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "mark.finding")) > 5)
    check("September underlined (dates.month)", "September" in marks("dates.month"), marks("dates.month"))
    check("officials said underlined (attribution.anonymous)", "officials said" in marks("attribution.anonymous"), marks("attribution.anonymous"))
    check("mojibake underlined", "CafÃ©" in marks("encoding.mojibake"), marks("encoding.mojibake"))
    families = [s.get_attribute("data-family") for s in driver.find_elements(By.CSS_SELECTOR, "#findings section.family")]
    check("findings grouped by family", {"dates", "attribution", "encoding", "typography"} <= set(families), families)
    check("the marked text is the story", driver.find_element(By.ID, "marked").get_attribute("textContent") == story)
    if screenshot:
        driver.save_screenshot(screenshot)

    # One safe fix: the month.
    item = driver.find_element(By.CSS_SELECTOR, "#findings li[data-rule='dates.month']")
    item.find_element(By.CSS_SELECTOR, "button.apply").click()
    wait.until(lambda d: "Sept. 15" in d.find_element(By.ID, "story").get_attribute("value"))
    text = driver.find_element(By.ID, "story").get_attribute("value")
    check("applying the fix changed the text", "September 15" not in text and "Sept. 15" in text, text[:300])
    wait.until(lambda d: not marks("dates.month") and len(d.find_elements(By.CSS_SELECTOR, "mark.finding")) > 0)
    check("the fixed finding is gone after the re-check", not marks("dates.month"))

    # All safe fixes.
    driver.find_element(By.ID, "fix-all").click()
    wait.until(lambda d: "Café" in d.find_element(By.ID, "story").get_attribute("value"))
    text = driver.find_element(By.ID, "story").get_attribute("value")
    check("all fixes: mojibake and legacy quotes fixed", "CafÃ©" not in text and "``" not in text, text[:300])

    # The dedup panel.
    driver.find_element(By.ID, "dedup").click()
    wait.until(lambda d: d.find_element(By.ID, "dedup-verdict").text.strip() != "")
    verdict = driver.find_element(By.ID, "dedup-verdict").text
    check("dedup panel gives a verdict", verdict.startswith(("new", "duplicate", "update", "related")), verdict)

    # Translation mode: the original beside the translation.
    driver.find_element(By.ID, "translation-mode").click()
    check("original pane shown", driver.find_element(By.ID, "original-pane").is_displayed())
    root = os.path.dirname(os.path.abspath(story_path))
    original = open(os.path.join(root, "translation", "athens-port-strike-el.txt"), encoding="utf-8").read()
    translation = open(os.path.join(root, "translation", "athens-port-strike-en.txt"), encoding="utf-8").read()
    paste("original", original)
    paste("story", translation)
    wait.until(lambda d: any(r.startswith("translation.") for m in d.find_elements(By.CSS_SELECTOR, "mark.finding") for r in m.get_attribute("data-rule").split()))
    check("translation findings shown", bool(marks("translation.numbers")), [m.get_attribute("data-rule") for m in driver.find_elements(By.CSS_SELECTOR, "mark.finding")])
    logs = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"] if hasattr(driver, "get_log") else []
    check("no script errors in the console", not logs, logs)
finally:
    driver.quit()

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
