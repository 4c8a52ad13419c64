#!/usr/bin/env bash
# Installs the external RDF validators the rdfio tests run against:
#   serdi, rapper (raptor2-utils), rdflib (Debian python3-rdflib, run with
#   /usr/bin/python3) and, under .ci/node_modules, N3.js, jsonld.js,
#   rdf-validate-shacl, @zazuko/env and Oxigraph (SPARQL engine for the
#   query agreement test).
# Idempotent: each step is skipped when its tools are already present.
# Usage: .ci/validators.sh   (as root, or with sudo for apt-get)
set -euo pipefail

ci_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Versions known to install cleanly together on Node 20.
npm_packages=(
	n3@2.13.12
	jsonld@9.0.0
	rdf-validate-shacl@0.6.5
	@zazuko/env@3.0.1
	oxigraph@0.5.11
)

have_apt_tools() {
	command -v serdi >/dev/null 2>&1 &&
		command -v rapper >/dev/null 2>&1 &&
		/usr/bin/python3 -c 'import rdflib' >/dev/null 2>&1
}

if have_apt_tools; then
	echo "validators.sh: serdi, rapper and rdflib already installed"
else
	sudo_cmd=()
	if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
	"${sudo_cmd[@]}" apt-get update
	DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends \
		serdi raptor2-utils python3-rdflib
fi

have_node_modules() {
	local p name
	for p in "${npm_packages[@]}"; do
		name="${p%@*}"
		[ -f "$ci_dir/node_modules/$name/package.json" ] || return 1
	done
}

if have_node_modules; then
	echo "validators.sh: node validators already installed in $ci_dir/node_modules"
else
	# --no-save: the repository keeps no package.json; node_modules is ignored by git.
	npm install --prefix "$ci_dir" --no-save --no-package-lock --no-audit --no-fund \
		"${npm_packages[@]}"
fi

echo "validators.sh: done"
