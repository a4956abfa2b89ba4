"""Schemathesis (PyPI) against a running `copydesk serve`: generates requests from openapi.json
(examples, boundary values, random and mutated bodies, unsupported methods) and checks each
answer against the document: never a 5xx, a status and content type the operation declares, a
body matching the declared schema, schema-violating input refused, and 405 for a method a path
does not have.

Left out: `positive_data_acceptance`. Values the schema can only describe as strings are checked
by the server against what it holds or what the string contains — a `data` annotation must be
JSON, `base64` must decode, a story must be readable, `encoding` must name a charset — so a
schema-valid request can rightly get a 400 or 422 (declared in the document).

usage: schemathesis_check.py BASE_URL   (exit 0 when every check passed)
"""
import os
import subprocess
import sys
import tempfile

base = sys.argv[1].rstrip("/")
schemathesis = os.path.join(os.path.dirname(sys.executable), "schemathesis")
checks = ",".join([
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_headers_conformance", "response_schema_conformance", "negative_data_rejection",
    "unsupported_method",
])
command = [schemathesis, "run", base + "/openapi.json", "--checks", checks, "--max-examples", "25",
           "--seed", "20261207", "--no-color", "--request-timeout", "30", "--suppress-health-check", "all"]
# In a folder of its own: schemathesis keeps a .schemathesis/ cache where it runs.
with tempfile.TemporaryDirectory() as scratch:
    result = subprocess.run(command, capture_output=True, text=True, timeout=1200, cwd=scratch)
print(result.stdout[-6000:])
print(result.stderr[-2000:], file=sys.stderr)
if result.returncode == 0:
    print("schemathesis: 1 passed, 0 failed")
sys.exit(result.returncode)
