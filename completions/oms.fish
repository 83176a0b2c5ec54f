# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_oms_global_optspecs
    string join \n config= db= o/output= q/quiet v/verbose no-progress color= y/yes log-file= h/help V/version
end

function __fish_oms_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_oms_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_oms_using_subcommand
    set -l cmd (__fish_oms_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c oms -n "__fish_oms_needs_command" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_needs_command" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_needs_command" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_needs_command" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_needs_command" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_needs_command" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_needs_command" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_needs_command" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_needs_command" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_needs_command" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_needs_command" -f -a "init" -d 'Write a starter config and create the database'
complete -c oms -n "__fish_oms_needs_command" -f -a "config" -d 'Check or show the configuration'
complete -c oms -n "__fish_oms_needs_command" -f -a "warehouses" -d 'List physical and virtual warehouses'
complete -c oms -n "__fish_oms_needs_command" -f -a "catalog" -d 'Products and variants'
complete -c oms -n "__fish_oms_needs_command" -f -a "stock" -d 'Stock levels, the ledger and adjustments'
complete -c oms -n "__fish_oms_needs_command" -f -a "orders" -d 'Sales orders: import, list, show, approve, cancel, create, rejections'
complete -c oms -n "__fish_oms_needs_command" -f -a "shipments" -d 'Shipments to warehouses'
complete -c oms -n "__fish_oms_needs_command" -f -a "po" -d 'Purchase orders to suppliers, received into physical warehouses'
complete -c oms -n "__fish_oms_needs_command" -f -a "receipts" -d 'Receipts of purchase orders reported by warehouses'
complete -c oms -n "__fish_oms_needs_command" -f -a "returns" -d 'Returns (RMAs): authorize, receive, restock, quarantine or dispose'
complete -c oms -n "__fish_oms_needs_command" -f -a "run" -d 'Run the flows in order, for cron: quiet with -q, exit code = worst outcome'
complete -c oms -n "__fish_oms_needs_command" -f -a "status" -d 'The operator\'s view: orders, backorders, unconfirmed shipments, rejections, stock, runs'
complete -c oms -n "__fish_oms_needs_command" -f -a "rejects" -d 'Records any flow could not apply (orders, confirmations, receipts, stock lines)'
complete -c oms -n "__fish_oms_needs_command" -f -a "runs" -d 'The journal of runs'
complete -c oms -n "__fish_oms_needs_command" -f -a "rules" -d 'Order rules: test what they do for an order'
complete -c oms -n "__fish_oms_needs_command" -f -a "channels" -d 'Sales and fulfillment channels: check their connections'
complete -c oms -n "__fish_oms_needs_command" -f -a "demo" -d 'Build a demo workspace on the `files` connectors and run the whole cycle in it'
complete -c oms -n "__fish_oms_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c oms -n "__fish_oms_needs_command" -f -a "man" -d 'Print or write the man pages'
complete -c oms -n "__fish_oms_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand init" -l warehouse -d 'Code of the first physical warehouse' -r
complete -c oms -n "__fish_oms_using_subcommand init" -l sales-channel -d 'Code of the first sales channel (a `files` folder to start with)' -r
complete -c oms -n "__fish_oms_using_subcommand init" -l fulfillment-channel -d 'Code of the warehouse\'s fulfillment channel (a `files` folder to start with)' -r
complete -c oms -n "__fish_oms_using_subcommand init" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand init" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand init" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand init" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand init" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand init" -l force -d 'Overwrite an existing oms.toml'
complete -c oms -n "__fish_oms_using_subcommand init" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand init" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand init" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand init" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand init" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -f -a "check" -d 'Validate the config; every mistake is named with file, line and key (exit 2)'
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -f -a "show" -d 'Print the effective config with secrets redacted'
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -f -a "example" -d 'Print the annotated example config: every key, with what it does'
complete -c oms -n "__fish_oms_using_subcommand config; and not __fish_seen_subcommand_from check show example help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from check" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from check" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from check" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from check" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from show" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from show" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from example" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from example" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from example" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from example" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from example" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from example" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from example" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from example" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from example" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from example" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from example" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "check" -d 'Validate the config; every mistake is named with file, line and key (exit 2)'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the effective config with secrets redacted'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "example" -d 'Print the annotated example config: every key, with what it does'
complete -c oms -n "__fish_oms_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'Physical warehouses (with their fulfillment channel and priority) and virtual ones'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -l columns -d 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field' -r
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from help" -f -a "list" -d 'Physical warehouses (with their fulfillment channel and priority) and virtual ones'
complete -c oms -n "__fish_oms_using_subcommand warehouses; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -f -a "add" -d 'Add a variant (and its product when new)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -f -a "edit" -d 'Change a variant or its product; only the fields given change'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -f -a "list" -d 'List variants'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -f -a "show" -d 'Show one variant with its product'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -f -a "import" -d 'Import products from a file (exit 3 when some rows were rejected)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -f -a "export" -d 'Export the catalog to stdout or a file'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -f -a "bundle" -d 'Bundles (kits): SKUs sold as one and shipped as their components'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -f -a "sync" -d 'Import from the master product source (catalog.master), then push the catalog to every other channel that takes products (exit 3 when some records were rejected)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and not __fish_seen_subcommand_from add edit list show import export bundle sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l sku -d 'The variant\'s SKU (case and surrounding spaces ignored when matching)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l product -d 'Product handle the variant belongs to (default: derived from the title or SKU); with `edit`, moves the variant to that product' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l title -d 'Product title' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l variant-title -d 'Variant title (default: the option values joined with " / ")' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l vendor -d 'Product vendor (brand or maker)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l type -d 'Product type, e.g. T-shirt (free text, as in Shopify)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l tags -d 'Product tags, comma-separated' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l description -d 'Product description (HTML allowed)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l status -d 'Product status: whether it is on sale' -r -f -a "active\t''
draft\t''
archived\t''"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l price -d 'Price, e.g. 19.99 (0 or more)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l barcode -d 'Barcode (kept as text: leading zeros matter)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l weight-grams -d 'Shipping weight in grams (0 or more)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l option1 -d 'First option value, e.g. the colour (Black)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l option2 -d 'Second option value, e.g. the size (M)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l option3 -d 'Third option value, e.g. the material' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l sku -d 'The variant\'s SKU (case and surrounding spaces ignored when matching)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l product -d 'Product handle the variant belongs to (default: derived from the title or SKU); with `edit`, moves the variant to that product' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l title -d 'Product title' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l variant-title -d 'Variant title (default: the option values joined with " / ")' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l vendor -d 'Product vendor (brand or maker)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l type -d 'Product type, e.g. T-shirt (free text, as in Shopify)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l tags -d 'Product tags, comma-separated' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l description -d 'Product description (HTML allowed)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l status -d 'Product status: whether it is on sale' -r -f -a "active\t''
draft\t''
archived\t''"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l price -d 'Price, e.g. 19.99 (0 or more)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l barcode -d 'Barcode (kept as text: leading zeros matter)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l weight-grams -d 'Shipping weight in grams (0 or more)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l option1 -d 'First option value, e.g. the colour (Black)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l option2 -d 'Second option value, e.g. the size (M)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l option3 -d 'Third option value, e.g. the material' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from edit" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -l search -d 'Only variants whose SKU, handle, titles or barcode contain this text' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -l columns -d 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from show" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from show" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from show" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -l file -d 'The file to import' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -l format -d 'The file\'s layout' -r -f -a "oms-csv\t'oms\'s own CSV layout (see docs/formats.md)'
shopify-csv\t'Shopify\'s products CSV (Admin → Products → Export / Import)'
oms-bundles-csv\t'Bundles: `parent_sku,component_sku,quantity` (import only; see docs/bundles.md)'"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -l dry-run -d 'Show what would change without writing'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -l format -d 'The layout to write' -r -f -a "oms-csv\t'oms\'s own CSV layout (see docs/formats.md)'
shopify-csv\t'Shopify\'s products CSV (Admin → Products → Export / Import)'
oms-bundles-csv\t'Bundles: `parent_sku,component_sku,quantity` (import only; see docs/bundles.md)'"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -l file -d 'Write to this file (atomically) instead of stdout' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -f -a "set" -d 'Make a SKU a bundle of other SKUs, replacing its components if it is one already'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -f -a "list" -d 'List bundles, one row per component (`-o csv` writes an oms-bundles-csv file)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -f -a "show" -d 'Show one bundle and its components'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -f -a "remove" -d 'Make a bundle a plain SKU again (orders already imported keep their component lines)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from bundle" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -l channel -d 'Only this channel: the master (import only) or another channel (push only)' -r
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -l full -d 'Push to every channel, even those whose catalog has not changed since their last push'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -l dry-run -d 'Report what would be imported and pushed without writing, sending or moving anything'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -l prune -d 'Remove variants a channel has that the catalog does not (Shopify); without it they are kept and reported'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from sync" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a variant (and its product when new)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a variant or its product; only the fields given change'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "list" -d 'List variants'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one variant with its product'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import products from a file (exit 3 when some rows were rejected)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export the catalog to stdout or a file'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "bundle" -d 'Bundles (kits): SKUs sold as one and shipped as their components'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Import from the master product source (catalog.master), then push the catalog to every other channel that takes products (exit 3 when some records were rejected)'
complete -c oms -n "__fish_oms_using_subcommand catalog; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -f -a "show" -d 'Levels per warehouse and SKU (virtual warehouses show their members\' sums)'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -f -a "history" -d 'The stock ledger, newest first'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -f -a "adjust" -d 'Change on hand of one SKU in one physical warehouse, or many from a CSV file'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -f -a "verify" -d 'Check that every level equals the sum of its ledger rows (exit 1 when not)'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -f -a "rebuild" -d 'Recompute every level from the ledger'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -f -a "sync" -d 'Set on hand to what fulfillment channels report (stock snapshots)'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -f -a "push" -d 'Publish available stock to sales channels'
complete -c oms -n "__fish_oms_using_subcommand stock; and not __fish_seen_subcommand_from show history adjust verify rebuild sync push help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -l sku -d 'Only this SKU (`*` matches any text)' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -l warehouse -d 'Only these warehouses, physical or virtual (repeatable)' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -l columns -d 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -l all -d 'Include rows where every quantity is zero'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -l sku -d 'Only this SKU (`*` matches any text)' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -l warehouse -d 'Physical or virtual warehouse (repeatable); a virtual one means its members' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -l since -d 'Only rows at or after this time: RFC 3339, or YYYY-MM-DD for midnight UTC' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -l limit -d 'At most this many rows' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -l columns -d 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l warehouse -d 'The physical warehouse' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l sku -d 'The SKU (case and surrounding spaces ignored)' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l by -d 'Change on hand by this many units: +5, -3' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l set -d 'Set on hand to this many units' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l from-quarantine -d 'Move this many returned units out of quarantine to on hand (docs/returns.md)' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l reason -d 'Why stock changed [default: other]' -r -f -a "damaged\t''
expired\t''
lost\t''
found\t''
count\t''
other\t''"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l note -d 'Free text kept in the ledger row' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l file -d 'Many adjustments from a CSV file: warehouse,sku,by,set,reason,note (docs/stock-adjustments.md)' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l dispose -d 'With --from-quarantine: write the units off instead of putting them on hand'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l skip-invalid -d 'With --file: apply the valid rows even if some are invalid (exit 3)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l allow-negative -d 'Allow on hand to go below zero'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l dry-run -d 'Show what would change without writing'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from adjust" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from verify" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from verify" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from verify" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from verify" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from verify" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -l dry-run -d 'Show what would be mended without writing'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from rebuild" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -l channel -d 'Only this fulfillment channel' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -l dry-run -d 'Report what would change without writing or moving any file'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from sync" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -l channel -d 'Only this sales channel' -r
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -l full -d 'Send every SKU, not only those changed since the last push'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -l dry-run -d 'Show what would be sent per channel and SKU, without sending or writing'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from help" -f -a "show" -d 'Levels per warehouse and SKU (virtual warehouses show their members\' sums)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from help" -f -a "history" -d 'The stock ledger, newest first'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from help" -f -a "adjust" -d 'Change on hand of one SKU in one physical warehouse, or many from a CSV file'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check that every level equals the sum of its ledger rows (exit 1 when not)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from help" -f -a "rebuild" -d 'Recompute every level from the ledger'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Set on hand to what fulfillment channels report (stock snapshots)'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from help" -f -a "push" -d 'Publish available stock to sales channels'
complete -c oms -n "__fish_oms_using_subcommand stock; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "import" -d 'Fetch new and changed orders from sales channels, or read them from a file (exit 3 when some were rejected)'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "rejects" -d 'Orders that could not be imported, with every reason'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "list" -d 'Orders, newest first'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "show" -d 'One order: its lines, shipments with tracking, and its story'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "approve" -d 'Approve draft orders so they can be processed'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "cancel" -d 'Cancel orders: at once if nothing was sent to a warehouse, else by asking it'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "hold" -d 'Put orders on hold: their units are reserved on the sales channel\'s stock source until the hold ends (after --for / at --until, or by `oms orders release`)'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "release" -d 'End holds by hand and process the released orders now'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "create" -d 'Enter an order by hand; it starts as a draft'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "clone" -d 'A new draft order with the same lines and address as order N'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "ship" -d 'Mark what an order has at its warehouses shipped by hand (with the same stock effects and export to the shop as a warehouse\'s confirmation)'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "process" -d 'Allocate approved orders, create shipments and send them to the warehouses'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "export" -d 'Report shipped lines, tracking and cancellations back to the sales channels'
complete -c oms -n "__fish_oms_using_subcommand orders; and not __fish_seen_subcommand_from import rejects list show approve cancel hold release create clone ship process export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -l channel -d 'Only this sales channel; with --file, the channel the file\'s orders belong to (required when several are configured)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -l file -d 'Read orders from this file instead of the channels (docs/order-files.md)' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -l format -d 'The file\'s layout [default: oms-json for .json/.ndjson; a CSV by its header: shopify-csv when it has `Name` and `Lineitem sku`, else oms-csv]' -r -f -a "oms-csv\t'oms\'s own CSV: one row per order line'
oms-json\t'oms\'s own JSON: an array of order objects, or one object per line (NDJSON)'
shopify-csv\t'Shopify admin\'s "Export orders" CSV'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -l since -d 'Read orders updated since this time (YYYY-MM-DD or RFC 3339) instead of since the last import; orders already imported are matched as usual (shopify channels)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -l dry-run -d 'Report what would change without writing anything or moving any file'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -l channel -d 'Only this sales channel' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -l columns -d 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -l all -d 'Include rejections resolved since (the order was imported after all)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from rejects" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -l status -d 'Only orders in this status (draft, approved, fulfilling, partially_fulfilled, shipped, short_shipped, cancel_requested, cancelled)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -l channel -d 'Only orders of this sales channel (`manual` for orders entered by hand)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -l search -d 'Orders whose name, external id or email starts with TEXT (email in any case)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -l limit -d 'At most this many orders' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -l columns -d 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -l backordered -d 'Only backordered orders'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -l external -d 'The channel\'s id of the order instead (Shopify\'s order id, a file\'s order_id)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -l channel -d 'Only orders of this sales channel, when a name or id is used by several' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -l dry-run -d 'Show what would change without writing'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from approve" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l dry-run -d 'Show what would change without writing (asks nothing)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -l for -d 'Release by itself after this long, e.g. 30m, 2h, 1d (the next `orders process` after that time processes it); without --for or --until only a person releases it' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -l until -d 'Release by itself at this time (RFC 3339, or `YYYY-MM-DD HH:MM` in UTC)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -l reason -d 'Why, kept with the hold and in the order\'s story' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -l dry-run -d 'Show what would be held without writing anything'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from hold" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -l no-process -d 'Release only; leave processing to the next `oms orders process`'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -l dry-run -d 'Show what would be released without writing anything'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from release" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l sku -d 'A line: SKU and quantity, e.g. --sku TEE-BLK-S=2 (repeatable)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l name -d 'The customer\'s name (also the ship-to name unless --ship-name is given)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l email -d 'The customer\'s email address' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l phone -d 'The customer\'s phone number' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l ship-name -d 'Ship-to name [default: --name]' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l ship-company -d 'Ship-to company' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l ship-address1 -d 'Ship-to address, first line (street and number)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l ship-address2 -d 'Ship-to address, second line (flat, floor)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l ship-city -d 'Ship-to city' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l ship-province -d 'Ship-to state or province code, e.g. MA' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l ship-zip -d 'Kept as text: 02134 keeps its zero' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l ship-country -d 'Country code, e.g. US' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l ship-phone -d 'Ship-to phone number, for the carrier' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l warehouse -d 'The physical warehouse the order must ship from' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l carrier-service -d 'Carrier service code [default: defaults.carrier_service]' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l note -d 'A note kept with the order and sent to the warehouse' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l cancel-after -d 'Cancel the order if it is not sent to a warehouse by then (RFC 3339; a bare date means the end of that day UTC), see `auto_cancel`' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l no-ship-to -d 'A digital or pickup order: create it without a ship-to name, address and country'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l dry-run -d 'Show the order that would be created without writing it'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -l dry-run -d 'Show the copy that would be created without writing it'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from clone" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -l tracking -d 'Tracking number (repeatable: one per parcel)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -l carrier -d 'The carrier that took the parcel, e.g. UPS' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -l tracking-url -d 'A link to the carrier\'s tracking page' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -l line -d 'Only these units shipped, e.g. --line TEE-BLK-S=2 (repeatable); the rest is short shipped. Without --line every unit shipped' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -l dry-run -d 'Show what would change without writing anything'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from ship" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -l channel -d 'Only orders of this sales channel' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -l order -d 'Only these orders (repeatable)' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -l explain -d 'Show, per order, which warehouses were considered and why one was chosen'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -l dry-run -d 'Plan and report without writing or sending anything'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from process" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -l channel -d 'Only this sales channel' -r
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -l dry-run -d 'Show what would be sent without sending or remembering anything'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "import" -d 'Fetch new and changed orders from sales channels, or read them from a file (exit 3 when some were rejected)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "rejects" -d 'Orders that could not be imported, with every reason'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "list" -d 'Orders, newest first'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "show" -d 'One order: its lines, shipments with tracking, and its story'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "approve" -d 'Approve draft orders so they can be processed'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel orders: at once if nothing was sent to a warehouse, else by asking it'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "hold" -d 'Put orders on hold: their units are reserved on the sales channel\'s stock source until the hold ends (after --for / at --until, or by `oms orders release`)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "release" -d 'End holds by hand and process the released orders now'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "create" -d 'Enter an order by hand; it starts as a draft'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "clone" -d 'A new draft order with the same lines and address as order N'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "ship" -d 'Mark what an order has at its warehouses shipped by hand (with the same stock effects and export to the shop as a warehouse\'s confirmation)'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "process" -d 'Allocate approved orders, create shipments and send them to the warehouses'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "export" -d 'Report shipped lines, tracking and cancellations back to the sales channels'
complete -c oms -n "__fish_oms_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -f -a "list" -d 'Shipments, newest first'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -f -a "show" -d 'One shipment: lines, tracking and its story'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -f -a "sync" -d 'Read shipment confirmations from fulfillment channels and apply them'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -f -a "send" -d 'Send ready shipments and pending cancellation requests to fulfillment channels'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -f -a "cancel" -d 'Cancel shipments: here if not yet sent, else by asking the warehouse'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -f -a "ship" -d 'Mark shipments shipped by hand (as if the warehouse had confirmed them)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -f -a "close" -d 'Close short shipments for good: release the units kept for a later parcel'
complete -c oms -n "__fish_oms_using_subcommand shipments; and not __fish_seen_subcommand_from list show sync send cancel ship close help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -l status -d 'Only shipments in this status (ready_to_send, sent_to_warehouse, shipped, …)' -r
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -l channel -d 'Only shipments of this fulfillment channel' -r
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -l warehouse -d 'Only shipments from this physical warehouse' -r
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -l limit -d 'At most this many shipments, newest first' -r
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -l columns -d 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field' -r
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from show" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from show" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from show" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -l channel -d 'Only this fulfillment channel' -r
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -l dry-run -d 'Report what would change without writing or moving any file'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from sync" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -l channel -d 'Only this fulfillment channel' -r
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -l dry-run -d 'List what would be sent without sending or writing anything'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from send" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -l dry-run -d 'Show what would change without writing'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -l tracking -d 'Tracking number (repeatable: one per parcel)' -r
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -l carrier -d 'The carrier that took the parcel, e.g. UPS' -r
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -l tracking-url -d 'A link to the carrier\'s tracking page' -r
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -l line -d 'Only these units shipped, e.g. --line TEE-BLK-S=2 (repeatable); the rest is short shipped. Without --line every unit shipped' -r
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -l dry-run -d 'Show what would change without writing anything'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from ship" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would change without writing'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from help" -f -a "list" -d 'Shipments, newest first'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from help" -f -a "show" -d 'One shipment: lines, tracking and its story'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Read shipment confirmations from fulfillment channels and apply them'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from help" -f -a "send" -d 'Send ready shipments and pending cancellation requests to fulfillment channels'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel shipments: here if not yet sent, else by asking the warehouse'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from help" -f -a "ship" -d 'Mark shipments shipped by hand (as if the warehouse had confirmed them)'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close short shipments for good: release the units kept for a later parcel'
complete -c oms -n "__fish_oms_using_subcommand shipments; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -f -a "create" -d 'Create a draft purchase order into one physical warehouse'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -f -a "edit" -d 'Change a draft: supplier, expected date, note, lines'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -f -a "list" -d 'List purchase orders'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -f -a "show" -d 'One PO: lines with ordered/received/remaining, receipts, status story'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -f -a "approve" -d 'Approve drafts: their quantities become incoming stock'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -f -a "export" -d 'Send approved POs to the fulfillment channel of their warehouse (once each)'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -f -a "cancel" -d 'Cancel a draft, or an approved PO with nothing received; releases its incoming stock'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -f -a "close" -d 'Close a PO that is receiving, short; releases the incoming stock that never arrived'
complete -c oms -n "__fish_oms_using_subcommand po; and not __fish_seen_subcommand_from create edit list show approve export cancel close help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l supplier -d 'Who the goods are bought from (free text)' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l warehouse -d 'The physical warehouse receiving the goods' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l line -d 'A line: SKU=QTY[@UNIT_COST][:lot=L][:serial=S] (repeatable; a serial is one unit)' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l file -d 'Lines from a CSV file with columns sku,quantity[,unit_cost][,lot][,serial]' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l expected -d 'Expected arrival (YYYY-MM-DD)' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l note -d 'A note kept with the purchase order' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l dry-run -d 'Show the PO that would be created without writing it'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -l supplier -d 'The new supplier' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -l expected -d 'Expected arrival (YYYY-MM-DD); "" clears it' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -l note -d '"" clears it' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -l line -d 'Set a line\'s quantity: SKU=QTY[:lot=L][:serial=S] (adds it if new; 0 removes it; repeatable)' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -l dry-run -d 'Show the result without writing it'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from edit" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -l status -d 'Only POs in this status (draft, approved, receiving, received, cancelled, closed)' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -l warehouse -d 'Only POs into this warehouse (a virtual one means its members)' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -l columns -d 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from show" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from show" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from show" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -l dry-run -d 'Show what would change without writing'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from approve" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -l channel -d 'Only POs for warehouses of this fulfillment channel' -r
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -l dry-run -d 'Show what would be sent without sending or writing'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -l dry-run -d 'Show what would change without writing'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -l dry-run -d 'Show what would change without writing'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a draft purchase order into one physical warehouse'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a draft: supplier, expected date, note, lines'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from help" -f -a "list" -d 'List purchase orders'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from help" -f -a "show" -d 'One PO: lines with ordered/received/remaining, receipts, status story'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from help" -f -a "approve" -d 'Approve drafts: their quantities become incoming stock'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from help" -f -a "export" -d 'Send approved POs to the fulfillment channel of their warehouse (once each)'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel a draft, or an approved PO with nothing received; releases its incoming stock'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from help" -f -a "close" -d 'Close a PO that is receiving, short; releases the incoming stock that never arrived'
complete -c oms -n "__fish_oms_using_subcommand po; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -f -a "sync" -d 'Read receipts from fulfillment channels: on hand up, incoming down, POs advance'
complete -c oms -n "__fish_oms_using_subcommand receipts; and not __fish_seen_subcommand_from sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -l channel -d 'Only this fulfillment channel' -r
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -l dry-run -d 'Show what would change without writing anything or moving files'
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from sync" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Read receipts from fulfillment channels: on hand up, incoming down, POs advance'
complete -c oms -n "__fish_oms_using_subcommand receipts; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -f -a "create" -d 'Authorize a return of units an order shipped: RMA-000001, `open`, units `returning`'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -f -a "list" -d 'List RMAs, newest first'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -f -a "show" -d 'One RMA: lines with what arrived and what became of it, and its story'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -f -a "receive" -d 'Goods arrived: restock, quarantine or dispose of them, line by line'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -f -a "close" -d 'Nothing more is coming back: what never arrived stops being `returning`'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -f -a "cancel" -d 'End an RMA before anything arrived'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -f -a "sync" -d 'Send RMAs to warehouses, apply what they report, import shop returns (docs/returns.md)'
complete -c oms -n "__fish_oms_using_subcommand returns; and not __fish_seen_subcommand_from create list show receive close cancel sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l order -d 'The order id (as `oms orders list` shows it)' -r
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l line -d 'A line coming back: SKU=QTY (repeatable)' -r
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l reason -d 'Why the goods come back' -r -f -a "damaged\t''
defective\t''
wrong_item\t''
not_as_described\t''
unwanted\t''
other\t''"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l warehouse -d 'The physical warehouse receiving the goods [default: the one that shipped them]' -r
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l note -d 'A note kept with the return' -r
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l exchange -d 'Send this instead, as a new approved order: SKU=QTY or SKU=QTY@PRICE (price 0 unless given; repeatable)' -r
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l dry-run -d 'Show the RMA that would be created without writing it'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -l status -d 'Only RMAs in this status (open, received, closed, cancelled)' -r
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -l order -d 'Only RMAs of this order' -r
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from show" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from show" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from show" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from show" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -l line -d 'What arrived: SKU=QTY, or SKU=QTY:restock|quarantine|dispose [default: the disposition configured for the RMA\'s reason] (repeatable)' -r
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -l dry-run -d 'Show the result without writing it'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from receive" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -l dry-run -d 'Show the result without writing it'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -l dry-run -d 'Show the result without writing it'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -l channel -d 'Only this fulfillment channel, or this sales channel that imports returns' -r
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -l dry-run -d 'Show what would be sent and received without sending, writing or moving anything'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from sync" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from help" -f -a "create" -d 'Authorize a return of units an order shipped: RMA-000001, `open`, units `returning`'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from help" -f -a "list" -d 'List RMAs, newest first'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from help" -f -a "show" -d 'One RMA: lines with what arrived and what became of it, and its story'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from help" -f -a "receive" -d 'Goods arrived: restock, quarantine or dispose of them, line by line'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from help" -f -a "close" -d 'Nothing more is coming back: what never arrived stops being `returning`'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'End an RMA before anything arrived'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Send RMAs to warehouses, apply what they report, import shop returns (docs/returns.md)'
complete -c oms -n "__fish_oms_using_subcommand returns; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand run" -l only -d 'Run only these flows (comma-separated, e.g. "orders-import,orders-process")' -r
complete -c oms -n "__fish_oms_using_subcommand run" -l skip -d 'Skip these flows (comma-separated)' -r
complete -c oms -n "__fish_oms_using_subcommand run" -l channel -d 'Only this channel, in every flow that reads or sends' -r
complete -c oms -n "__fish_oms_using_subcommand run" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand run" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand run" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand run" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand run" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand run" -l dry-run -d 'Preview every flow: nothing is committed, sent or moved'
complete -c oms -n "__fish_oms_using_subcommand run" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand run" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand run" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand run" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand run" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand status" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand status" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand status" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand status" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand status" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand status" -l check -d 'Exit 1 when something needs a person (for monitoring)'
complete -c oms -n "__fish_oms_using_subcommand status" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand status" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand status" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand status" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand status" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -l flow -d 'Only this flow, e.g. "shipments sync" or shipments-sync' -r
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -l channel -d 'Only this channel' -r
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -l columns -d 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field' -r
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -l all -d 'Include closed rejections: resolved (applied after all) and dismissed (with the reason)'
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -f -a "dismiss" -d 'Close rejections that can never be fixed; they stay in `oms rejects --all` with the reason'
complete -c oms -n "__fish_oms_using_subcommand rejects; and not __fish_seen_subcommand_from dismiss help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -l reason -d 'Why they can never be fixed (kept in the history)' -r
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -l flow -d 'The flow whose rejections --all dismisses, e.g. orders-import' -r
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -l channel -d 'With --all: only this channel' -r
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -l all -d 'Every open rejection of --flow (and --channel, if given)'
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from dismiss" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from help" -f -a "dismiss" -d 'Close rejections that can never be fixed; they stay in `oms rejects --all` with the reason'
complete -c oms -n "__fish_oms_using_subcommand rejects; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'The journal of runs: flow, channel, times, counts, outcome, error (newest first)'
complete -c oms -n "__fish_oms_using_subcommand runs; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -l flow -d 'Only runs of this flow, e.g. orders-import' -r
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -l limit -d 'At most this many runs, newest first' -r
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -l columns -d 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field' -r
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "list" -d 'The journal of runs: flow, channel, times, counts, outcome, error (newest first)'
complete -c oms -n "__fish_oms_using_subcommand runs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -f -a "test" -d 'Show every rule for an order: whether it matched, which condition failed, its effects'
complete -c oms -n "__fish_oms_using_subcommand rules; and not __fish_seen_subcommand_from test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -l order -d 'An order in oms (its number, as in `oms orders show N`)' -r
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -l file -d 'An order file not yet imported' -r -F
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -l format -d 'The file\'s format [default: oms-json for .json files]' -r -f -a "oms-csv\t'oms\'s own CSV: one row per order line'
oms-json\t'oms\'s own JSON: an array of order objects, or one object per line (NDJSON)'
shopify-csv\t'Shopify admin\'s "Export orders" CSV'"
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -l channel -d 'The sales channel the file\'s orders belong to (needed when several are configured)' -r
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "test" -d 'Show every rule for an order: whether it matched, which condition failed, its effects'
complete -c oms -n "__fish_oms_using_subcommand rules; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -f -a "check" -d 'Try each enabled channel\'s connection and credentials with one cheap call'
complete -c oms -n "__fish_oms_using_subcommand channels; and not __fish_seen_subcommand_from check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -l channel -d 'Only this channel (also when it is disabled)' -r
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "check" -d 'Try each enabled channel\'s connection and credentials with one cheap call'
complete -c oms -n "__fish_oms_using_subcommand channels; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand demo" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand demo" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand demo" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand demo" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand demo" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand demo" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand demo" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand demo" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand demo" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand demo" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand completions" -l dir -d 'Write scripts for every shell into this folder instead' -r -F
complete -c oms -n "__fish_oms_using_subcommand completions" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand completions" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand completions" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand completions" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand completions" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand completions" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand completions" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand completions" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand completions" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand man" -l dir -d 'Write one page per command into this folder (default: print oms(1) to stdout)' -r -F
complete -c oms -n "__fish_oms_using_subcommand man" -l config -d 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]' -r -F
complete -c oms -n "__fish_oms_using_subcommand man" -l db -d 'Database file, overriding the config\'s `database`' -r -F
complete -c oms -n "__fish_oms_using_subcommand man" -s o -l output -d 'Output format: tables for people, json/ndjson/csv for machines' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document (an array of rows, or the report object)'
ndjson\t'One JSON object per line'
csv\t'Comma-separated values with a header row'"
complete -c oms -n "__fish_oms_using_subcommand man" -l color -d 'Colour in tables and messages [NO_COLOR is honoured]' -r -f -a "auto\t''
always\t''
never\t''"
complete -c oms -n "__fish_oms_using_subcommand man" -l log-file -d 'Append structured (JSON) log lines to this file' -r -F
complete -c oms -n "__fish_oms_using_subcommand man" -s q -l quiet -d 'Print nothing on success but data and warnings'
complete -c oms -n "__fish_oms_using_subcommand man" -s v -l verbose -d 'More detail: per-item reports (-v), debug logs (-vv)'
complete -c oms -n "__fish_oms_using_subcommand man" -l no-progress -d 'Never draw progress bars'
complete -c oms -n "__fish_oms_using_subcommand man" -s y -l yes -d 'Answer yes to confirmations (required when there is no terminal to ask on)'
complete -c oms -n "__fish_oms_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c oms -n "__fish_oms_using_subcommand man" -s V -l version -d 'Print version'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "init" -d 'Write a starter config and create the database'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "config" -d 'Check or show the configuration'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "warehouses" -d 'List physical and virtual warehouses'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "catalog" -d 'Products and variants'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "stock" -d 'Stock levels, the ledger and adjustments'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "orders" -d 'Sales orders: import, list, show, approve, cancel, create, rejections'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "shipments" -d 'Shipments to warehouses'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "po" -d 'Purchase orders to suppliers, received into physical warehouses'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "receipts" -d 'Receipts of purchase orders reported by warehouses'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "returns" -d 'Returns (RMAs): authorize, receive, restock, quarantine or dispose'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "run" -d 'Run the flows in order, for cron: quiet with -q, exit code = worst outcome'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "status" -d 'The operator\'s view: orders, backorders, unconfirmed shipments, rejections, stock, runs'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "rejects" -d 'Records any flow could not apply (orders, confirmations, receipts, stock lines)'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "runs" -d 'The journal of runs'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "rules" -d 'Order rules: test what they do for an order'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "channels" -d 'Sales and fulfillment channels: check their connections'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "demo" -d 'Build a demo workspace on the `files` connectors and run the whole cycle in it'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "man" -d 'Print or write the man pages'
complete -c oms -n "__fish_oms_using_subcommand help; and not __fish_seen_subcommand_from init config warehouses catalog stock orders shipments po receipts returns run status rejects runs rules channels demo completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "check" -d 'Validate the config; every mistake is named with file, line and key (exit 2)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the effective config with secrets redacted'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "example" -d 'Print the annotated example config: every key, with what it does'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from warehouses" -f -a "list" -d 'Physical warehouses (with their fulfillment channel and priority) and virtual ones'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "add" -d 'Add a variant (and its product when new)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "edit" -d 'Change a variant or its product; only the fields given change'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "list" -d 'List variants'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "show" -d 'Show one variant with its product'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "import" -d 'Import products from a file (exit 3 when some rows were rejected)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "export" -d 'Export the catalog to stdout or a file'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "bundle" -d 'Bundles (kits): SKUs sold as one and shipped as their components'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from catalog" -f -a "sync" -d 'Import from the master product source (catalog.master), then push the catalog to every other channel that takes products (exit 3 when some records were rejected)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from stock" -f -a "show" -d 'Levels per warehouse and SKU (virtual warehouses show their members\' sums)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from stock" -f -a "history" -d 'The stock ledger, newest first'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from stock" -f -a "adjust" -d 'Change on hand of one SKU in one physical warehouse, or many from a CSV file'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from stock" -f -a "verify" -d 'Check that every level equals the sum of its ledger rows (exit 1 when not)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from stock" -f -a "rebuild" -d 'Recompute every level from the ledger'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from stock" -f -a "sync" -d 'Set on hand to what fulfillment channels report (stock snapshots)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from stock" -f -a "push" -d 'Publish available stock to sales channels'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "import" -d 'Fetch new and changed orders from sales channels, or read them from a file (exit 3 when some were rejected)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "rejects" -d 'Orders that could not be imported, with every reason'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "list" -d 'Orders, newest first'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "show" -d 'One order: its lines, shipments with tracking, and its story'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "approve" -d 'Approve draft orders so they can be processed'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "cancel" -d 'Cancel orders: at once if nothing was sent to a warehouse, else by asking it'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "hold" -d 'Put orders on hold: their units are reserved on the sales channel\'s stock source until the hold ends (after --for / at --until, or by `oms orders release`)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "release" -d 'End holds by hand and process the released orders now'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "create" -d 'Enter an order by hand; it starts as a draft'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "clone" -d 'A new draft order with the same lines and address as order N'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "ship" -d 'Mark what an order has at its warehouses shipped by hand (with the same stock effects and export to the shop as a warehouse\'s confirmation)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "process" -d 'Allocate approved orders, create shipments and send them to the warehouses'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "export" -d 'Report shipped lines, tracking and cancellations back to the sales channels'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from shipments" -f -a "list" -d 'Shipments, newest first'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from shipments" -f -a "show" -d 'One shipment: lines, tracking and its story'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from shipments" -f -a "sync" -d 'Read shipment confirmations from fulfillment channels and apply them'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from shipments" -f -a "send" -d 'Send ready shipments and pending cancellation requests to fulfillment channels'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from shipments" -f -a "cancel" -d 'Cancel shipments: here if not yet sent, else by asking the warehouse'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from shipments" -f -a "ship" -d 'Mark shipments shipped by hand (as if the warehouse had confirmed them)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from shipments" -f -a "close" -d 'Close short shipments for good: release the units kept for a later parcel'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from po" -f -a "create" -d 'Create a draft purchase order into one physical warehouse'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from po" -f -a "edit" -d 'Change a draft: supplier, expected date, note, lines'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from po" -f -a "list" -d 'List purchase orders'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from po" -f -a "show" -d 'One PO: lines with ordered/received/remaining, receipts, status story'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from po" -f -a "approve" -d 'Approve drafts: their quantities become incoming stock'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from po" -f -a "export" -d 'Send approved POs to the fulfillment channel of their warehouse (once each)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from po" -f -a "cancel" -d 'Cancel a draft, or an approved PO with nothing received; releases its incoming stock'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from po" -f -a "close" -d 'Close a PO that is receiving, short; releases the incoming stock that never arrived'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from receipts" -f -a "sync" -d 'Read receipts from fulfillment channels: on hand up, incoming down, POs advance'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from returns" -f -a "create" -d 'Authorize a return of units an order shipped: RMA-000001, `open`, units `returning`'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from returns" -f -a "list" -d 'List RMAs, newest first'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from returns" -f -a "show" -d 'One RMA: lines with what arrived and what became of it, and its story'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from returns" -f -a "receive" -d 'Goods arrived: restock, quarantine or dispose of them, line by line'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from returns" -f -a "close" -d 'Nothing more is coming back: what never arrived stops being `returning`'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from returns" -f -a "cancel" -d 'End an RMA before anything arrived'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from returns" -f -a "sync" -d 'Send RMAs to warehouses, apply what they report, import shop returns (docs/returns.md)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from rejects" -f -a "dismiss" -d 'Close rejections that can never be fixed; they stay in `oms rejects --all` with the reason'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from runs" -f -a "list" -d 'The journal of runs: flow, channel, times, counts, outcome, error (newest first)'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from rules" -f -a "test" -d 'Show every rule for an order: whether it matched, which condition failed, its effects'
complete -c oms -n "__fish_oms_using_subcommand help; and __fish_seen_subcommand_from channels" -f -a "check" -d 'Try each enabled channel\'s connection and credentials with one cheap call'
