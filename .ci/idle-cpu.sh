#!/usr/bin/env bash
# Measures the dashboard's idle CPU: the real binary in tmux at 120x40 with no traffic for 20 s,
# CPU time read from /proc. Prints one line; it is a measurement, not a test.
# Usage: .ci/idle-cpu.sh PATH/TO/govtop
set -euo pipefail
binary=${1:?usage: idle-cpu.sh PATH/TO/govtop}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
socket_name=govtop-idle-$$
tmux -L "$socket_name" new-session -d -x 120 -y 40 "$binary --http-port $port"
trap 'tmux -L "$socket_name" kill-server 2>/dev/null || true' EXIT
pid=""
for _ in $(seq 50); do
  pid=$(pgrep -f "^$binary --http-port $port\$" | head -n 1 || true)
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "idle-cpu: govtop did not start"; exit 1; }
sleep 3
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before=$(ticks "$pid")
sleep 20
after=$(ticks "$pid")
hz=$(getconf CLK_TCK)
awk -v t=$((after - before)) -v hz="$hz" 'BEGIN { printf "idle dashboard: %.2f s CPU in 20 s = %.2f%% of one core\n", t / hz, 100 * t / hz / 20 }'
tmux -L "$socket_name" send-keys q
