# Sourced by the scripts: keeps Reflex offline and its caches inside the project.
# bun comes from npm (package.json), so Reflex never downloads it.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_root/node_modules/.bin:$_root/.venv/bin:$PATH"
export REFLEX_DIR="$_root/.reflex-home"
export BUN_INSTALL_CACHE_DIR="$_root/.reflex-home/bun-cache"
export REFLEX_TELEMETRY_ENABLED=false
export REFLEX_CHECK_LATEST_VERSION=false
export NPM_CONFIG_REGISTRY="${NPM_CONFIG_REGISTRY:-$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)}"
unset _root
