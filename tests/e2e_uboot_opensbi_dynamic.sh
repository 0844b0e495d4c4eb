#!/bin/bash
# U-Boot under OpenSBI fw_dynamic: see uboot_prompt.sh
exec bash "$(dirname "$0")/uboot_prompt.sh" dynamic "$@"
