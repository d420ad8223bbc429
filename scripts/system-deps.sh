#!/usr/bin/env bash
# Debian packages that Qt (offscreen and xcb), the PDF checks and the printed scripts need on a
# bare machine. Installs what is missing when root; otherwise says what to install and stops.
set -euo pipefail
packages=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xkb1 libxcb-randr0 libxcb-xinerama0 libxcb-xfixes0
  poppler-utils zbar-tools xvfb xauth
  # TrueType fonts for names in Korean, Japanese and Chinese (reportlab embeds TrueType only;
  # the smaller Noto fonts for other scripts ship in resources/fonts)
  fonts-dejavu-core fonts-nanum fonts-ipafont-gothic fonts-wqy-zenhei
  # Noto for the other scripts of member countries (Khmer, Lao, Myanmar, Sinhala, Tamil...)
  fonts-noto-core
  # the room link's browser test drives the phone page in headless Chromium
  chromium chromium-driver
  # team mode: the store tests run on a throw-away PostgreSQL server too (tests/pg_server.py)
  postgresql
)
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian: nothing we know how to check
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "dgfacil needs these system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
