#!/bin/bash
# U-Boot (S-mode) under Pagoda's own SBI firmware (no -bios): see uboot_prompt.sh
exec bash "$(dirname "$0")/uboot_prompt.sh" pagoda "$@"
