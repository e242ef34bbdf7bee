#!/usr/bin/env bash
# Installs every Debian package Tsunagari needs to build, test, fuzz and show its window.
# Runs as root (CI) or through sudo (a developer's machine).
set -euo pipefail
packages=(cmake g++ make pkg-config python3
          libsfml-dev libimgui-dev nlohmann-json3-dev doctest-dev
          xvfb xauth fonts-ipaexfont-gothic
          gnuplot-nox libstb-dev
          clang-14 libclang-rt-14-dev)
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    run env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
