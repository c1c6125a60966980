# Sourced by ./dev test (and so by .ci/run): the Debian packages the tests drive for real.
#   jq, uuid-runtime, curl, python3-httpx: the API guide's own bash and Python workflows, and the
#   WriterzRoom seeds' Python (packages/emulator/test/writerzroom-seed-scripts.test.ts)
#   chromium: the browser test of the built example site (driven by playwright-core)
# As root, missing ones are apt-installed; otherwise this fails with one line naming them.
need=()
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v jq >/dev/null 2>&1 || need+=(jq)
command -v uuidgen >/dev/null 2>&1 || need+=(uuid-runtime)
/usr/bin/python3 -c 'import httpx' >/dev/null 2>&1 || need+=(python3-httpx)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "system-deps: apt-get install ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } ||
      { echo "system-deps: apt-get install ${need[*]} failed" >&2; return 1; }
  else
    echo "system-deps: missing ${need[*]}; install them with: sudo apt-get install ${need[*]}" >&2
    return 1
  fi
fi
