# Sourced by .ci/run (it exports to the test command): what the `copydesk serve` tests need
# besides Swift — curl, Debian's chromium and chromedriver, and a venv with language_tool_python,
# selenium and schemathesis from PyPI. COPYDESK_SERVE_PYTHON tells the Swift tests which python to run; without
# it they skip with a message (and fail under CI=true).
copydesk_serve_setup() {
    local missing=()
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "serve tests: installing ${missing[*]} (Debian)" >&2
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    local venv="${COPYDESK_SERVE_VENV:-$PWD/.build/serve-venv}"
    if ! "$venv/bin/python" -c 'import language_tool_python, selenium, schemathesis' >/dev/null 2>&1; then
        echo "serve tests: making a venv in $venv (language_tool_python, selenium, schemathesis from PyPI)" >&2
        python3 -m venv "$venv"
        "$venv/bin/pip" install -q --disable-pip-version-check language-tool-python==3.4.0 selenium==4.51.0 schemathesis==4.32.5
    fi
    export COPYDESK_SERVE_PYTHON="$venv/bin/python"
}
copydesk_serve_setup
