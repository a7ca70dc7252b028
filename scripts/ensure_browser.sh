#!/bin/sh
# Browser tests need Debian's chromium and a CJK font. Install them when missing (as root),
# or stop with the command to run.
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="chromium"
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || missing="$missing fonts-wqy-microhei"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  echo "Installing browser test dependencies:$missing" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "Browser tests need:$missing. Install with: sudo apt-get install -y$missing" >&2
  exit 1
fi
