#!/bin/bash
# U-Boot under OpenSBI fw_jump: see uboot_opensbi.sh
exec bash "$(dirname "$0")/uboot_opensbi.sh" jump "$@"
