#!/usr/bin/env bash
# Peer benchmark: the engine against rspamd with an equivalent Lua rule, on the same generated clinic corpus.
# Usage (from the repository root): tests/SecureMailGate.Benchmarks/peer/run.sh
# Installs rspamd from Debian packages when missing (needs root or sudo), runs it on 127.0.0.1 only with a
# private configuration in a temporary folder, and stops the server it started by its process id.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
port="${PEER_PORT:-11433}"
work="$(mktemp -d /tmp/smg-peer.XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v rspamd >/dev/null 2>&1; then
  echo "rspamd is not installed; installing it from the Debian packages (apt-get)."
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get install -y --no-install-recommends rspamd >/dev/null
  # Debian starts the packaged service; this benchmark runs its own server, so leave the system one alone.
fi

echo "Building the benchmark tool and writing the corpus..."
dotnet build "$root/tests/SecureMailGate.Benchmarks" -c Release -v quiet -nologo >/dev/null
tool="$root/tests/SecureMailGate.Benchmarks/bin/Release/net10.0/SecureMailGate.Benchmarks"
"$tool" corpus "$work/corpus"

mkdir -p "$work/db"
cat > "$work/rspamd.conf" <<CONF
options { pidfile = "$work/rspamd.pid"; dbdir = "$work/db"; local_addrs = "127.0.0.1"; dns { nameserver = ["127.0.0.1:53"]; timeout = 0.1s; retransmits = 0; } }
logging { type = "console"; level = "error"; }
worker "normal" { bind_socket = "127.0.0.1:$port"; count = 1; task_timeout = 8s; }
lua = "$here/nhs_number.lua";
CONF

# As root, rspamd refuses to run its worker unless told (-i); it still listens on 127.0.0.1 only.
insecure=""; [ "$(id -u)" -eq 0 ] && insecure="-i"
rspamd -f $insecure -u "$(id -un)" -g "$(id -gn)" -c "$work/rspamd.conf" >"$work/stdout.log" 2>&1 &
pid=$!
# Start-up compiles 9,628 TLD suffixes and hyperscan: about 35 s on a busy 2-core machine.
ready=""
for _ in $(seq 1 600); do
  if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then ready=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "rspamd did not start listening on 127.0.0.1:$port; its log follows. Fix the error shown and run again." >&2
  tail -20 "$work/stdout.log" >&2
  exit 1
fi

echo "Corpus: $(($(wc -l <"$work/corpus/truth.csv") - 1)) messages; flag = valid NHS number and a recipient outside ourtrust.nhs.uk / nhs.net"
"$tool" engine-corpus "$work/corpus"
python3 "$here/feed.py" "$work/corpus" "$port"
echo "median_us: per-message wall time (engine in process; rspamd client round trip over HTTP), server_median_us: rspamd's own time_real."
