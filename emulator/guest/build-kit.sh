#!/usr/bin/env bash
# Builds the Chariot guest kit (kernel, module build kit, init, initramfs base, struct offsets)
# from Debian's linux-source-6.1 into CACHE_DIR/kit/<key>, key = hash of every file under
# emulator/guest/ plus the versions of the Debian packages it is built from.
# The only stdout output is the kit path; progress and errors go to stderr.
# The layout of the kit is described in README.md next to this script (a contract).
set -euo pipefail
shopt -s nullglob

readonly GUEST_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SOURCE_TARBALL=/usr/src/linux-source-6.1.tar.xz
readonly ARCH=riscv
readonly CROSS_COMPILE=riscv64-linux-gnu-
readonly JOBS=2
readonly PROGRESS_INTERVAL_SECONDS=10
# Bump when the way the kernel is configured or built changes, so cached kernels are rebuilt.
readonly KERNEL_RECIPE=3
# Where the kernel tree keeps its installed UAPI headers, copied into each kit's sysroot.
readonly UAPI_HEADERS=chariot-uapi

say() { echo "build-kit: $*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
    echo "usage: $0 CACHE_DIR" >&2
    echo "  builds the guest kit into CACHE_DIR/kit/<key> and prints its path" >&2
    exit 2
}

# --- inputs ---------------------------------------------------------------------------------

package_version() {
    dpkg-query -W -f='${Version}' "$1" 2>/dev/null || true
}

require_tools() {
    local missing=() entry tool package
    for entry in make:make gcc:gcc flex:flex bison:bison bc:bc perl:perl-base xz:xz-utils \
                 rsync:rsync gdb-multiarch:gdb-multiarch sha256sum:coreutils flock:util-linux \
                 "${CROSS_COMPILE}gcc:gcc-riscv64-linux-gnu" "${CROSS_COMPILE}ld:binutils-riscv64-linux-gnu"; do
        tool=${entry%%:*}
        package=${entry#*:}
        command -v "$tool" >/dev/null || missing+=("$package")
    done
    [[ -r /usr/include/gelf.h ]] || missing+=(libelf-dev)
    [[ -r $SOURCE_TARBALL ]] || missing+=(linux-source-6.1)
    if ((${#missing[@]})); then
        die "missing tools; install them with: apt-get install -y --no-install-recommends ${missing[*]}"
    fi
}

# Short hashes of the given files (path and content) and the package versions.
inputs_key() {
    {
        (cd "$GUEST_DIR" && find "$@" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
        echo "linux-source-6.1 $LINUX_SOURCE_VERSION"
        echo "gcc-riscv64-linux-gnu $CROSS_GCC_VERSION"
    } | sha256sum | cut -c1-16
}

# --- running steps --------------------------------------------------------------------------

# Runs a command with its output in logs/<step>.log; on failure names the step and shows the
# log's tail. While it runs, prints on stderr how many output lines matched the pattern (or
# that it is still running, when the pattern is empty), at most every PROGRESS_INTERVAL_SECONDS.
run_step() {
    local step=$1 label=$2 pattern=$3
    shift 3
    local log="$LOG_DIR/$step.log"
    say "[$step] $label"
    local started=$SECONDS status=0
    "$@" 2>&1 | count_progress "$step" "$pattern" >"$log" || status=$?
    if ((status != 0)); then
        say "step '$step' failed (exit $status); last lines of $log:"
        tail -n 25 "$log" >&2
        exit 1
    fi
    say "[$step] done in $((SECONDS - started)) s"
}

count_progress() {
    local step=$1 pattern=$2 count=0 last_report=$SECONDS line
    while IFS= read -r line; do
        printf '%s\n' "$line"
        [[ -n $pattern && $line =~ $pattern ]] && count=$((count + 1))
        if ((SECONDS - last_report >= PROGRESS_INTERVAL_SECONDS)); then
            if [[ -n $pattern ]]; then
                say "[$step] ... $count so far"
            else
                say "[$step] ... still running"
            fi
            last_report=$SECONDS
        fi
    done
}

# Takes the exclusive flock of an open descriptor, saying so when it has to wait.
lock_or_wait() {
    local fd=$1 file=$2
    flock -n "$fd" || { say "waiting for another build holding $file"; flock "$fd"; }
}

kmake() {
    make -C "$SRC_DIR" O="$BUILD_DIR" ARCH="$ARCH" CROSS_COMPILE="$CROSS_COMPILE" "$@"
}

# --- steps ----------------------------------------------------------------------------------

# Extracts the kernel source once per linux-source version, shared by every kit key.
extract_source() {
    mkdir -p "$CACHE_DIR/src"
    exec 8>"$CACHE_DIR/src/.lock"
    lock_or_wait 8 "$CACHE_DIR/src/.lock"
    if [[ ! -f $SRC_DIR/.complete ]]; then
        local tmp="$SRC_DIR.tmp"
        rm -rf "$tmp" "$SRC_DIR"
        mkdir -p "$tmp"
        run_step extract "extracting $SOURCE_TARBALL (files extracted)" '.' \
            tar -xvJf "$SOURCE_TARBALL" -C "$tmp"
        mv "$tmp/linux-source-6.1" "$SRC_DIR"
        rm -rf "$tmp"
        touch "$SRC_DIR/.complete"
    fi
    flock -u 8
}

configure_kernel() {
    run_step tinyconfig "configuring: tinyconfig" '' kmake tinyconfig
    run_step merge-config "configuring: merging kernel.config" '' \
        env ARCH="$ARCH" CROSS_COMPILE="$CROSS_COMPILE" \
        "$SRC_DIR/scripts/kconfig/merge_config.sh" -m -O "$BUILD_DIR" \
        "$BUILD_DIR/.config" "$GUEST_DIR/kernel.config"
    run_step olddefconfig "configuring: olddefconfig" '' kmake olddefconfig
    check_config
}

# Options drop silently when a dependency is missing: every fragment line must be in .config.
check_config() {
    local dropped=() line name
    while IFS= read -r line; do
        if [[ $line =~ ^(CONFIG_[A-Za-z0-9_]+)= ]]; then
            grep -qxF "$line" "$BUILD_DIR/.config" || dropped+=("$line")
        elif [[ $line =~ ^#\ (CONFIG_[A-Za-z0-9_]+)\ is\ not\ set ]]; then
            name=${BASH_REMATCH[1]}
            grep -q "^$name=" "$BUILD_DIR/.config" && dropped+=("$line")
        fi
    done <"$GUEST_DIR/kernel.config"
    if ((${#dropped[@]})); then
        say "step 'check-config' failed: these kernel.config options are not in the final .config"
        say "(a dependency is missing or the option does not exist in this kernel):"
        printf '  %s\n' "${dropped[@]}" >&2
        exit 1
    fi
}

# Out-of-tree module builds need the configuration, headers, scripts and Module.symvers, not
# the kernel's objects (330 of its 430 MB); those would only serve an incremental rebuild, which
# a tree keyed by its inputs never needs.
prune_build_tree() {
    find "$BUILD_DIR" -name '*.o' -not -path "$BUILD_DIR/scripts/*" -delete
    rm -f "$BUILD_DIR"/.tmp_vmlinux*
}

# The kernel tree depends only on kernel.config and the package versions, so it lives in
# CACHE_DIR/kernel/<kernel key>, shared by every kit with that key (the kit's build/ links to
# it): editing the init does not rebuild the kernel. A killed build resumes (make is
# incremental); .complete is written last. Once complete, the tree is only read: kits being
# assembled concurrently share it.
build_kernel() {
    mkdir -p "$CACHE_DIR/kernel"
    exec 7>"$BUILD_DIR.lock"
    lock_or_wait 7 "$BUILD_DIR.lock"
    if [[ ! -f $BUILD_DIR/.complete ]]; then
        mkdir -p "$BUILD_DIR"
        configure_kernel
        run_step kernel "building the kernel with -j$JOBS (objects compiled)" '^  (CC|AS|LD|AR)' \
            kmake -j"$JOBS" Image modules
        run_step headers-install "installing the UAPI headers" '' \
            kmake -j"$JOBS" headers_install INSTALL_HDR_PATH="$BUILD_DIR/$UAPI_HEADERS"
        prune_build_tree
        touch "$BUILD_DIR/.complete"
    fi
    flock -u 7
    ln -sfn "../../kernel/$KERNEL_KEY" "$KIT_TMP/build"
    ln -sfn build/arch/riscv/boot/Image "$KIT_TMP/Image"
    ln -sfn build/vmlinux "$KIT_TMP/vmlinux"
    ln -sfn build/System.map "$KIT_TMP/System.map"
    mkdir -p "$KIT_TMP/bin"
    cp "$BUILD_DIR/usr/gen_init_cpio" "$KIT_TMP/bin/gen_init_cpio"
    link_modules
    KERNEL_RELEASE=$(cat "$BUILD_DIR/include/config/kernel.release")
}

# The kernel's own modules (=m in kernel.config), ready to load into the guest: one flat directory
# of links into the build tree, named as the kernel names each module. What a module needs loaded
# first is in its own .modinfo (depends=), which chariot run follows.
link_modules() {
    local module name count=0
    mkdir -p "$KIT_TMP/modules"
    while IFS= read -r module; do
        name=${module##*/}
        [[ -e $KIT_TMP/modules/$name ]] && die "step 'modules': two kernel modules are called $name"
        ln -s "../build/${module#"$BUILD_DIR"/}" "$KIT_TMP/modules/$name"
        count=$((count + 1))
    done < <(find "$BUILD_DIR" -name '*.ko' -not -path "$BUILD_DIR/scripts/*" | LC_ALL=C sort)
    say "[modules] $count kernel modules in modules/"
}

# Which Kconfig option builds each exported symbol, from the kernel's own Makefiles and Kconfig
# files: a driver that uses a symbol the kit lacks is told which option would provide it.
map_symbol_options() {
    run_step symbol-options "mapping the kernel's exported symbols to the Kconfig options that build them" '' \
        perl "$GUEST_DIR/symbol-options.pl" "$SRC_DIR" "$KIT_TMP/kconfig-symbols.tsv" "$KIT_TMP/kconfig-options.tsv"
}

install_sysroot() {
    local sysroot="$KIT_TMP/sysroot"
    mkdir -p "$sysroot" "$KIT_TMP/nolibc"
    cp -r "$BUILD_DIR/$UAPI_HEADERS/include" "$sysroot/"
    run_step nolibc "installing nolibc into sysroot/" '' \
        make -C "$SRC_DIR/tools/include/nolibc" headers ARCH="$ARCH" OUTPUT="$KIT_TMP/nolibc/"
    cp "$KIT_TMP/nolibc/sysroot/include/"*.h "$sysroot/include/"
    # What nolibc lacks and the UAPI headers expect from a libc: <sys/socket.h> and a few more.
    cp -r "$GUEST_DIR/kit/include/." "$sysroot/include/"
    rm -rf "$KIT_TMP/nolibc"
    install -m 0755 "$GUEST_DIR/kit/guest-cc" "$KIT_TMP/guest-cc"
    install -m 0644 "$GUEST_DIR/kit/Makefile" "$KIT_TMP/Makefile"
}

# errno names for the init's console lines, generated from the installed UAPI headers.
build_init() {
    local generated="$KIT_TMP/init-gen"
    mkdir -p "$generated"
    sed -nE 's/^#define[[:space:]]+(E[A-Z0-9]+)[[:space:]]+([0-9]+).*/\t[\2] = "\1",/p' \
        "$KIT_TMP/sysroot/include/asm-generic/errno-base.h" \
        "$KIT_TMP/sysroot/include/asm-generic/errno.h" >"$generated/errno_names.h"
    [[ -s $generated/errno_names.h ]] || die "step 'init': no errno names found in the UAPI headers"
    run_step init "building init" '' \
        "$KIT_TMP/guest-cc" -I "$generated" -o "$KIT_TMP/init" "$GUEST_DIR/init/init.c"
    rm -rf "$generated"
}

write_initramfs_list() {
    sed -e '/^#/d' -e "s|@KIT@|$KIT_DIR|g" "$GUEST_DIR/initramfs.list.in" >"$KIT_TMP/initramfs.list"
}

# Struct offsets from the kernel's own DWARF; each line of offsets.list is "key expression",
# a '?' after the key marks a member that may be absent. offsetof(T, m) is printed in hex,
# everything else (sizeof, enum constants) in decimal.
derive_offsets() {
    local commands="$LOG_DIR/offsets.gdb" key expression
    : >"$commands"
    while read -r key expression; do
        [[ -z $key || $key == \#* ]] && continue
        if [[ $expression =~ ^offsetof\((.+),[[:space:]]*(.+)\)$ ]]; then
            expression="/x (unsigned long)&((${BASH_REMATCH[1]} *)0)->${BASH_REMATCH[2]}"
        else
            expression=" (long)($expression)"
        fi
        printf 'echo %s=\noutput%s\necho \\n\n' "${key%\?}" "$expression" >>"$commands"
    done <"$GUEST_DIR/offsets.list"
    run_step offsets "deriving struct offsets from vmlinux's DWARF" '' \
        gdb-multiarch -batch -nx -x "$commands" "$BUILD_DIR/vmlinux"
    check_offsets
    echo "kernel.release=$KERNEL_RELEASE" >>"$KIT_TMP/offsets.properties"
}

check_offsets() {
    local missing=() key value
    : >"$KIT_TMP/offsets.properties"
    while read -r key _; do
        [[ -z $key || $key == \#* ]] && continue
        value=$(sed -nE "s/^${key%\?}=([0-9a-fx]+)\$/\1/p" "$LOG_DIR/offsets.log" | head -n 1)
        if [[ -n $value ]]; then
            echo "${key%\?}=$value" >>"$KIT_TMP/offsets.properties"
        elif [[ $key != *\? ]]; then
            missing+=("$key")
        fi
    done <"$GUEST_DIR/offsets.list"
    if ((${#missing[@]})); then
        say "step 'offsets' failed: gdb could not evaluate: ${missing[*]}; last lines of its log:"
        tail -n 25 "$LOG_DIR/offsets.log" >&2
        exit 1
    fi
}

write_kit_properties() {
    cat >"$KIT_TMP/kit.properties" <<EOF
key=$KEY
kernel.release=$KERNEL_RELEASE
linux-source.version=$LINUX_SOURCE_VERSION
cross-gcc.version=$CROSS_GCC_VERSION
kernel.source=$SRC_DIR
kernel.build=$BUILD_DIR
image=$KIT_DIR/Image
vmlinux=$KIT_DIR/vmlinux
system-map=$KIT_DIR/System.map
offsets=$KIT_DIR/offsets.properties
sysroot=$KIT_DIR/sysroot
guest-cc=$KIT_DIR/guest-cc
gen-init-cpio=$KIT_DIR/bin/gen_init_cpio
init=$KIT_DIR/init
initramfs-list=$KIT_DIR/initramfs.list
makefile=$KIT_DIR/Makefile
modules=$KIT_DIR/modules
kernel-config=$KIT_DIR/build/.config
kconfig-symbols=$KIT_DIR/kconfig-symbols.tsv
kconfig-options=$KIT_DIR/kconfig-options.tsv
EOF
}

# --- main -----------------------------------------------------------------------------------

main() {
    (($# == 1)) || usage
    mkdir -p "$1"
    readonly CACHE_DIR="$(cd "$1" && pwd)"
    LINUX_SOURCE_VERSION=$(package_version linux-source-6.1)
    CROSS_GCC_VERSION=$(package_version gcc-riscv64-linux-gnu)
    readonly KEY=$(inputs_key .)
    readonly KIT_DIR="$CACHE_DIR/kit/$KEY"

    if [[ -f $KIT_DIR/.complete ]]; then
        echo "$KIT_DIR"
        exit 0
    fi

    require_tools
    [[ -n $LINUX_SOURCE_VERSION ]] || die "linux-source-6.1 is not installed (dpkg); apt-get install -y --no-install-recommends linux-source-6.1"
    [[ -n $CROSS_GCC_VERSION ]] || die "gcc-riscv64-linux-gnu is not installed (dpkg); apt-get install -y --no-install-recommends gcc-riscv64-linux-gnu"

    mkdir -p "$CACHE_DIR/kit"
    exec 9>"$KIT_DIR.lock"
    lock_or_wait 9 "$KIT_DIR.lock"
    if [[ -f $KIT_DIR/.complete ]]; then
        echo "$KIT_DIR"
        exit 0
    fi

    readonly SRC_DIR="$CACHE_DIR/src/linux-source-6.1-$LINUX_SOURCE_VERSION"
    # The kit is assembled under KIT_TMP and renamed into place when complete.
    readonly KIT_TMP="$KIT_DIR.tmp"
    rm -rf "$KIT_TMP"
    readonly KERNEL_KEY=$(echo "recipe $KERNEL_RECIPE $(inputs_key kernel.config)" | sha256sum | cut -c1-16)
    readonly BUILD_DIR="$CACHE_DIR/kernel/$KERNEL_KEY"
    LOG_DIR="$KIT_TMP/logs"
    mkdir -p "$LOG_DIR"
    say "building kit $KEY in $KIT_TMP (logs in $LOG_DIR)"

    extract_source
    build_kernel
    map_symbol_options
    install_sysroot
    build_init
    write_initramfs_list
    derive_offsets
    write_kit_properties

    rm -rf "$KIT_DIR"
    mv "$KIT_TMP" "$KIT_DIR"
    touch "$KIT_DIR/.complete"
    say "kit ready: $KIT_DIR"
    echo "$KIT_DIR"
}

# Bash reads a script as it runs it: every function is read before main starts, and the exit on the
# same line keeps bash from reading on into this file if it was edited while the build ran.
main "$@"; exit
