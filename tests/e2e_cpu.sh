#!/bin/bash
# -cpu (docs/CPU.md): the device tree's riscv,isa and riscv,isa-extensions
# follow the choice (rv64, the default, today's set; max, every extension;
# single switches in QEMU's syntax); bad values are usage errors (the
# message and the usage line, exit 2); an instruction of an extension that
# is switched off is illegal (a riscv-test fails), and passes when on.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
GUEST=$BUILD/tests/guest/loop.elf
[ -r "$GUEST" ] || { echo "FAIL: $GUEST not built"; exit 1; }
command -v fdtget >/dev/null || { echo "FAIL: fdtget missing (device-tree-compiler)"; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }

DEFAULT=rv64imafdc_zicond_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc_svinval_svnapot_svpbmt
MAX=rv64imafdch_zicbom_zicbop_zicboz_zicond_zicsr_zifencei_zihintpause_zfh_zfhmin_zcb_zba_zbb_zbc_zbkb_zbkc_zbkx_zbs_zknd_zkne_zknh_zksed_zksh_zkt_sstc_svinval_svnapot_svpbmt

# isa WANT [args]: riscv,isa of every cpu node is WANT, and
# riscv,isa-extensions is the same list split
isa() {
  local want=$1; shift
  local d=$T/board.dtb
  rm -f "$d"
  timeout 20 "$PAGODA" -smp 2 "$@" --dump-dtb "$d" -bios none -kernel "$GUEST" 2>"$T/err" ||
    { fail "$*: exit status $?: $(cat "$T/err")"; return; }
  for n in /cpus/cpu@0 /cpus/cpu@1; do
    local got; got=$(fdtget -t s "$d" $n riscv,isa 2>&1)
    [ "$got" = "$want" ] || { fail "$* $n: riscv,isa is $got, wanted $want"; continue; }
    local exts; exts=$(fdtget -t s "$d" $n riscv,isa-extensions 2>&1)
    local split; split=$(echo "${want#rv64}" | sed -E 's/^([a-z]+)(_|$)/\1 /; s/_/ /g' |
                         awk '{ s = ""; n = split($1, l, ""); for (i = 1; i <= n; i++) s = s l[i] " ";
                                for (i = 2; i <= NF; i++) s = s $i " "; sub(/ $/, "", s); print s }')
    [ "$exts" = "$split" ] || fail "$* $n: riscv,isa-extensions is '$exts', wanted '$split'"
  done
  [ $rc = 0 ] && echo "ok: ${*:-(no -cpu)}: $want"
}

isa "$DEFAULT"
isa "$DEFAULT" -cpu rv64
isa "$MAX" -cpu max
isa rv64imafdc_zicond_zicsr_zifencei_zihintpause_zbc_zbs_sstc_svinval_svnapot_svpbmt -cpu rv64,zba=off,Zbb=false
isa rv64iafdc_zicsr_zifencei_zmmul_zba_zbb_zbc_zbs_svadu_svinval_svnapot_svpbmt \
    -cpu rv64,m=no,zmmul=yes,zicond=off,Zihintpause=false,sstc=off,svadu=on
isa "${MAX/zicbom_/}" -cpu max,zicbom=off
isa "${DEFAULT/_zbs/_zbkb_zbkc_zbkx_zbs_zknd_zkne_zknh}" -cpu rv64,zkn=on
isa "${DEFAULT/_zbs/_zbkb_zbkc_zbkx_zbs_zksed_zksh}" -cpu rv64,Zks=true
isa "${DEFAULT/_zbs/_zbkb_zbs_zkt}" -cpu rv64,zkn=on,zkn=off,zbkb=on,zkt=on
isa rv64imac_zicond_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc_svinval_svnapot_svpbmt -cpu rv64,f=off,d=off
isa "${DEFAULT/_svinval/_svadu_svinval}" --ad=svadu

# the cache-block sizes: 64 for each CBO extension the CPU has, as QEMU
blocks() {
  local want=$1; shift
  local d=$T/board.dtb
  timeout 20 "$PAGODA" "$@" --dump-dtb "$d" -bios none -kernel "$GUEST" 2>"$T/err" || { fail "$*: $(cat "$T/err")"; return; }
  local got=""
  for p in cbom cboz cbop; do got="$got$p=$(fdtget -t u -d - "$d" /cpus/cpu@0 riscv,$p-block-size) "; done
  [ "$got" = "$want" ] || { fail "${*:-(no -cpu)}: block sizes '$got', wanted '$want'"; return; }
  echo "ok: ${*:-(no -cpu)}: $got"
}
blocks "cbom=- cboz=- cbop=- "
blocks "cbom=64 cboz=64 cbop=64 " -cpu max
blocks "cbom=- cboz=64 cbop=- " -cpu rv64,zicboz=on

# usage errors: "pagoda: bad -cpu: ..." and the usage line, exit 2
bad() {
  local want=$1; shift
  "$PAGODA" "$@" -bios none -kernel "$GUEST" >"$T/out" 2>"$T/err"; local st=$?
  [ $st = 2 ] || { fail "$*: exit status $st, wanted 2"; return; }
  [ "$(wc -l <"$T/err")" = 2 ] || { fail "$*: stderr is not the message and the usage line: $(cat "$T/err")"; return; }
  head -n1 "$T/err" | grep -q "^pagoda: bad -cpu: .*$want" || { fail "$*: message '$(head -n1 "$T/err")' does not say '$want'"; return; }
  sed -n 2p "$T/err" | grep -q '^usage: ' || fail "$*: no usage line"
  [ -s "$T/out" ] && fail "$*: wrote to stdout"
  echo "ok: $* -> $(head -n1 "$T/err")"
}
bad "unknown extension foo" -cpu rv64,foo=on
bad "unknown CPU model" -cpu rv32
bad "unknown CPU model" -cpu sifive-u54,zba=on
bad "on/off" -cpu rv64,zba=2
bad "needs a value" -cpu rv64,zba
bad "v is not implemented" -cpu max,v=on
bad "cannot be switched off" -cpu rv64,i=off
bad "d needs f" -cpu rv64,f=off
bad "cannot be switched off" -cpu max,c=off
bad "zfh needs f" -cpu rv64,d=off,f=off,zfh=on
"$PAGODA" -cpu 2>"$T/err"; [ $? = 2 ] || fail "-cpu without a value: not exit 2"

# -cpu help: the names, exit 0
"$PAGODA" -cpu help >"$T/help" 2>&1 || fail "-cpu help: exit status $?"
for n in h zba zbb zicond sstc svpbmt zmmul zicbom zicboz zicbop zbkb zknd zkne zknh zksed zksh zkt zkn zks zcb zfh zfhmin; do grep -q "^$n " "$T/help" || fail "-cpu help does not list $n"; done

# an instruction of an extension switched off is illegal: the riscv-test
# fails (its first case) with nothing on stderr; on, it passes
run() {
  local want=$1 name=$2 elf=$BUILD/riscv-tests/$2; shift 2
  [ -r "$elf" ] || { fail "$elf not built"; return; }
  timeout 20 "$PAGODA" --timeout 10 "$@" "$elf" >/dev/null 2>"$T/err"; local st=$?
  if [ "$want" = pass ]; then
    [ $st = 0 ] || { fail "$* $name: exit status $st, wanted a pass"; return; }
  else
    [ $st != 0 ] && [ $st != 124 ] && [ ! -s "$T/err" ] || { fail "$* $name: exit status $st ($(cat "$T/err")), wanted a failed case"; return; }
  fi
  echo "ok: ${*:-(no -cpu)} $name: $want (exit $st)"
}
run pass rv64uzba/sh1add
run fail rv64uzba/sh1add -cpu rv64,zba=off
run pass rv64um/mul -cpu rv64,m=off,zmmul=on
run fail rv64um/div -cpu rv64,m=off,zmmul=on
run fail rv64ua/amoadd_w -cpu rv64,a=off
run pass rv64uzicond/czero_eqz -cpu max
run fail rv64uzicond/czero_eqz -cpu max,zicond=off
run pass rv64uzkne/aes_enc -cpu rv64,zkne=on
run fail rv64uzkne/aes_enc -cpu rv64,zknd=on
run pass rv64uzknd/aes_dec -cpu max
run fail rv64uzknd/aes_dec
run pass rv64uzbkb/zbb_subset -cpu rv64,zbb=off,zbkb=on
run fail rv64uzbkb/zbb_subset -cpu max
run pass rv64uzcb/zcb -cpu max
run fail rv64uzcb/zcb -cpu max,zcb=off
run fail rv64uzcb/zcb -cpu rv64,zcb=on,m=off
run pass rv64uzcb/zcb -cpu rv64,zcb=on,m=off,zmmul=on
run pass rv64uzfh/cases -cpu max
run fail rv64uzfh/cases -cpu rv64,zfhmin=on
run pass rv64uzfh/zfhmin -cpu rv64,zfhmin=on
run fail rv64mzicbo/zero
run pass rv64mzicbo/zero -cpu max
run pass rv64mzicbo/absent
run fail rv64mzicbo/absent -cpu max

[ $rc = 0 ] && echo PASS || echo "FAIL: cpu"
exit $rc
