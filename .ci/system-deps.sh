# Sourced by .ci/run: Debian packages the tests drive for real.
#   jq, uuid-runtime, python3-httpx: the API guide's own bash and Python workflows
#   chromium: the browser test of the built example site (driven by playwright-core)
need=()
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v uuidgen >/dev/null 2>&1 || need+=(uuid-runtime)
/usr/bin/python3 -c 'import httpx' >/dev/null 2>&1 || need+=(python3-httpx)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "system-deps: apt-get install ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "system-deps: missing ${need[*]} and not root; the tests that need them will fail" >&2
  fi
fi
