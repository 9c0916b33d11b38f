# Running arm64 images on an amd64 machine: qemu-user-static's aarch64 emulator, registered
# with the kernel's binfmt_misc. Its flags include F (the kernel opens the emulator when it
# is registered), so it also works inside containers.

BINFMT_DIR=/proc/sys/fs/binfmt_misc
QEMU_AARCH64_CONF=/usr/lib/binfmt.d/qemu-aarch64.conf

# arm64_emulation : true if this machine runs arm64 binaries.
arm64_emulation() { [[ $HOST_ARCH == arm64 || -e $BINFMT_DIR/qemu-aarch64 ]]; }

# ensure_arm64_emulation : register the handler when missing. A machine that cannot (no
# binfmt_misc, a read-only /proc in a container) still builds and inspects arm64 images;
# only the scenarios that run them skip, naming this reason.
ensure_arm64_emulation() {
  local why=""
  if arm64_emulation; then
    step "emulation: arm64 binaries run here"
    return
  fi
  if [[ ! -e $BINFMT_DIR/register ]]; then
    mount -t binfmt_misc binfmt_misc "$BINFMT_DIR" >>"$LOGS/emulation.log" 2>&1 ||
      why="cannot mount binfmt_misc on $BINFMT_DIR"
  fi
  if [[ -z $why && ! -s $QEMU_AARCH64_CONF ]]; then
    why="$QEMU_AARCH64_CONF is missing (package qemu-user-static)"
  fi
  if [[ -z $why ]]; then
    grep -v '^#' "$QEMU_AARCH64_CONF" | head -n 1 >"$BINFMT_DIR/register" 2>>"$LOGS/emulation.log" ||
      why="the kernel refused the handler in $QEMU_AARCH64_CONF"
  fi
  if arm64_emulation; then
    step "emulation: registered qemu-aarch64 with binfmt_misc"
  else
    step "emulation: arm64 images cannot run here (${why:-unknown reason}); scenarios that run them will skip"
  fi
}
