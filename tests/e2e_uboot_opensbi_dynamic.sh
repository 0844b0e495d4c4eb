#!/bin/bash
# U-Boot under OpenSBI fw_dynamic: see uboot_opensbi.sh
exec bash "$(dirname "$0")/uboot_opensbi.sh" dynamic "$@"
