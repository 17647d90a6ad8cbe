#!/usr/bin/env bash
# Installs what the playground needs on a Debian machine and says clearly what it cannot install.
#   prerequisites.sh           what serving needs: the .NET SDK (checked) and bubblewrap
#   prerequisites.sh --tests   also Debian's Chromium (and a Chinese font) for the browser tests, PostgreSQL for the storage tests and
#                              redis-server for the scale-out tests (each test starts its own on loopback)
set -euo pipefail

need_packages=()
command -v bwrap >/dev/null 2>&1 || need_packages+=(bubblewrap)
if [[ "${1:-}" == "--tests" ]]; then
  [[ -x /usr/bin/chromium ]] || need_packages+=(chromium)
  # The browser tests' screenshots of the page in 简体中文 need a font with Chinese glyphs.
  [[ -d /usr/share/fonts/opentype/noto ]] && compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK*" >/dev/null || need_packages+=(fonts-noto-cjk)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need_packages+=(postgresql)
  [[ -x /usr/bin/redis-server ]] || need_packages+=(redis-server)
fi

if ((${#need_packages[@]})); then
  echo "Installing Debian packages: ${need_packages[*]}"
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
  # The database packages enable and (where policy-rc.d allows) start a system-wide server; the tests start their
  # own throwaway ones, so leave none running or starting at boot.
  for service in redis-server postgresql; do
    [[ " ${need_packages[*]} " == *" $service "* ]] || continue
    if [[ -d /run/systemd/system ]]; then
      $SUDO systemctl disable --now "$service" >/dev/null 2>&1 || true
    else
      $SUDO service "$service" stop >/dev/null 2>&1 || true
      $SUDO update-rc.d "$service" disable >/dev/null 2>&1 || true
    fi
  done
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK is not installed. Install .NET SDK 10.0 (global.json pins 10.0.401 or a later feature band)" >&2
  echo "       and put 'dotnet' on PATH, then run this command again." >&2
  exit 1
fi
if ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "error: .NET SDK 10 is required; found: $(dotnet --list-sdks | tr '\n' ' ')" >&2
  exit 1
fi
# NativeAOT links the worker with clang or gcc; Debian machines of this kind have gcc.
if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
  echo "error: neither clang nor gcc is installed; the NativeAOT worker needs one (apt-get install gcc)" >&2
  exit 1
fi
