#!/bin/bash
# U-Boot under OpenSBI fw_jump: see uboot_prompt.sh
exec bash "$(dirname "$0")/uboot_prompt.sh" jump "$@"
