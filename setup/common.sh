# Shared settings for the setup scripts; sourced, never run.
# Everything installed lives outside the repository, under B2B_HOME.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
B2B_HOME="${B2B_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/b2b-suite}"
B2B_VENV="${B2B_VENV:-$B2B_HOME/venv}"
ODOO_HOME="${ODOO_HOME:-$B2B_HOME/odoo}"
B2B_PYTHON="${B2B_PYTHON:-python3.11}"
PGHOST="${PGHOST:-}"
DB_DEMO="${B2B_DB_DEMO:-b2b_demo}"
DB_TEST="${B2B_DB_TEST:-b2b_test}"
HTTP_PORT="${B2B_HTTP_PORT:-8069}"

log() { printf '\033[1m[b2b]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[b2b] error:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# The addons of this repository: every top-level folder with a manifest.
repo_addons() {
    local d
    for d in "$REPO_ROOT"/*/__manifest__.py; do
        [ -e "$d" ] && basename "$(dirname "$d")"
    done
}

addons_path() {
    printf '%s,%s,%s' "$ODOO_HOME/odoo/addons" "$ODOO_HOME/addons" "$REPO_ROOT"
}

# Write the Odoo configuration used by run and test (no secrets: local socket auth).
write_odoo_conf() {
    local conf="$1" db="$2"
    mkdir -p "$(dirname "$conf")" "$B2B_HOME/filestore"
    cat > "$conf" <<CONF
[options]
addons_path = $(addons_path)
data_dir = $B2B_HOME/filestore
db_name = $db
dbfilter = ^$db\$
list_db = False
http_port = $HTTP_PORT
CONF
}

odoo_bin() {
    "$B2B_VENV/bin/python" "$ODOO_HOME/odoo-bin" "$@"
}
