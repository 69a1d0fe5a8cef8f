#!/usr/bin/env bash
# Every test of the repository: installs the Debian packages whose tools the tests run (only those missing, with
# apt-get, as root), then runs `dotnet test` on the solution, passing on any arguments.
# Usage: tests/test.sh [dotnet test options]
# Without root (or sudo) it installs nothing: a test whose tool is missing then fails and names the package.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The readers the exporters' tests check their files with (Graphviz's dot, Raptor's rapper, rdflib, networkx), igraph,
# which the analyses are compared with, Chromium, in which the tests open the pages kg view writes, and Virtuoso, the
# SPARQL store the store client's tests start.
packages=(graphviz raptor2-utils python3-rdflib python3-networkx python3-igraph chromium virtuoso-opensource)

install_missing() {
  local missing=() package
  for package in "${packages[@]}"; do
    if ! dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  ((${#missing[@]} > 0)) || return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "warning: no apt-get here, so ${missing[*]} cannot be installed: the tests that need them will fail and name them." >&2
    return 0
  fi

  local as_root=()
  if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      echo "warning: not root, so ${missing[*]} cannot be installed: the tests that need them will fail and name them." >&2
      return 0
    fi
  fi
  echo "Installing ${missing[*]}"
  "${as_root[@]}" apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_missing
exec dotnet test KnowledgeGraph.sln "$@"
