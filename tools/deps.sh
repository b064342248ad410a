#!/bin/sh
# Install what termquiz needs when it is missing.
#   deps.sh build     the libraries to build and play
#   deps.sh test      those and the test tools
#   deps.sh bench     those and the benchmark's reference tools
#   deps.sh fuzz      the libraries, clang and its fuzzer runtime
#   deps.sh memcheck  the libraries and valgrind
#   deps.sh --explain say what is missing and how to get it; install nothing
# With NO_DEPS=1 in the environment (packaging builds) it never installs: it
# says what is missing and fails, as --explain does.
# On Debian and Ubuntu it runs apt-get (through sudo when not root); elsewhere
# it names the packages to install and stops.
set -eu

mode=${1:-build}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}

have_pc() { command -v "$PKG_CONFIG" >/dev/null 2>&1 && "$PKG_CONFIG" --exists "$1"; }
have_cmd() { command -v "$1" >/dev/null 2>&1; }

missing=""
need() { missing="$missing $1"; }

command -v "$PKG_CONFIG" >/dev/null 2>&1 || need pkg-config
have_cmd cc || have_cmd gcc || need gcc
have_pc ncursesw || need libncurses-dev
have_pc libcjson || need libcjson-dev
have_pc sqlite3 || need libsqlite3-dev
have_pc libcurl || need libcurl4-openssl-dev
case "$mode" in
test | bench | fuzz | memcheck)
	have_pc cmocka || need libcmocka-dev
	have_cmd tmux || need tmux
	have_cmd cppcheck || need cppcheck
	have_cmd python3 || need python3
	# The live game's SSH test runs a real sshd on a loopback port.
	have_cmd ssh || need openssh-client
	[ -x /usr/sbin/sshd ] || need openssh-server
	;;
esac
case "$mode" in
memcheck) have_cmd valgrind || need valgrind ;;
fuzz)
	have_cmd clang || need clang
	# The fuzzer runtime comes apart from clang on Debian.
	if ! printf 'int LLVMFuzzerTestOneInput(const char *d, long n) { (void)d; return (int)n * 0; }\n' |
		clang -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1; then
		need libclang-rt-dev
	fi
	;;
esac

[ -z "$missing" ] && exit 0

if [ "$mode" = "--explain" ] || [ "${NO_DEPS:-0}" = 1 ] || ! have_cmd apt-get; then
	echo "termquiz needs:$missing" >&2
	echo "  Debian/Ubuntu: apt-get install$missing" >&2
	echo "  Fedora: dnf install pkgconf-pkg-config ncurses-devel cjson-devel sqlite-devel libcurl-devel libcmocka-devel tmux cppcheck python3" >&2
	echo "  Arch: pacman -S pkgconf ncurses cjson sqlite curl cmocka tmux cppcheck python" >&2
	echo "  macOS (Homebrew): brew install pkg-config ncurses cjson sqlite curl cmocka tmux cppcheck" >&2
	exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if have_cmd sudo; then
		sudo="sudo"
	else
		echo "termquiz: need root to install:$missing (no sudo found)" >&2
		exit 1
	fi
fi
echo "termquiz: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq </dev/null
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing </dev/null >/dev/null
