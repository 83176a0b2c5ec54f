
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'oms' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'oms'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'oms' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a starter config and create the database')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Check or show the configuration')
            [CompletionResult]::new('warehouses', 'warehouses', [CompletionResultType]::ParameterValue, 'List physical and virtual warehouses')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Products and variants')
            [CompletionResult]::new('stock', 'stock', [CompletionResultType]::ParameterValue, 'Stock levels, the ledger and adjustments')
            [CompletionResult]::new('orders', 'orders', [CompletionResultType]::ParameterValue, 'Sales orders: import, list, show, approve, cancel, create, rejections')
            [CompletionResult]::new('shipments', 'shipments', [CompletionResultType]::ParameterValue, 'Shipments to warehouses')
            [CompletionResult]::new('po', 'po', [CompletionResultType]::ParameterValue, 'Purchase orders to suppliers, received into physical warehouses')
            [CompletionResult]::new('receipts', 'receipts', [CompletionResultType]::ParameterValue, 'Receipts of purchase orders reported by warehouses')
            [CompletionResult]::new('returns', 'returns', [CompletionResultType]::ParameterValue, 'Returns (RMAs): authorize, receive, restock, quarantine or dispose')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the flows in order, for cron: quiet with -q, exit code = worst outcome')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The operator''s view: orders, backorders, unconfirmed shipments, rejections, stock, runs')
            [CompletionResult]::new('rejects', 'rejects', [CompletionResultType]::ParameterValue, 'Records any flow could not apply (orders, confirmations, receipts, stock lines)')
            [CompletionResult]::new('runs', 'runs', [CompletionResultType]::ParameterValue, 'The journal of runs')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Order rules: test what they do for an order')
            [CompletionResult]::new('channels', 'channels', [CompletionResultType]::ParameterValue, 'Sales and fulfillment channels: check their connections')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Build a demo workspace on the `files` connectors and run the whole cycle in it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print or write the man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;init' {
            [CompletionResult]::new('--warehouse', '--warehouse', [CompletionResultType]::ParameterName, 'Code of the first physical warehouse')
            [CompletionResult]::new('--sales-channel', '--sales-channel', [CompletionResultType]::ParameterName, 'Code of the first sales channel (a `files` folder to start with)')
            [CompletionResult]::new('--fulfillment-channel', '--fulfillment-channel', [CompletionResultType]::ParameterName, 'Code of the warehouse''s fulfillment channel (a `files` folder to start with)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing oms.toml')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;config' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the config; every mistake is named with file, line and key (exit 2)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective config with secrets redacted')
            [CompletionResult]::new('example', 'example', [CompletionResultType]::ParameterValue, 'Print the annotated example config: every key, with what it does')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;config;check' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;config;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;config;example' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;config;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the config; every mistake is named with file, line and key (exit 2)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective config with secrets redacted')
            [CompletionResult]::new('example', 'example', [CompletionResultType]::ParameterValue, 'Print the annotated example config: every key, with what it does')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;config;help;check' {
            break
        }
        'oms;config;help;show' {
            break
        }
        'oms;config;help;example' {
            break
        }
        'oms;config;help;help' {
            break
        }
        'oms;warehouses' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Physical warehouses (with their fulfillment channel and priority) and virtual ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;warehouses;list' {
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;warehouses;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Physical warehouses (with their fulfillment channel and priority) and virtual ones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;warehouses;help;list' {
            break
        }
        'oms;warehouses;help;help' {
            break
        }
        'oms;catalog' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a variant (and its product when new)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a variant or its product; only the fields given change')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List variants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one variant with its product')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import products from a file (exit 3 when some rows were rejected)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export the catalog to stdout or a file')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Bundles (kits): SKUs sold as one and shipped as their components')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Import from the master product source (catalog.master), then push the catalog to every other channel that takes products (exit 3 when some records were rejected)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;catalog;add' {
            [CompletionResult]::new('--sku', '--sku', [CompletionResultType]::ParameterName, 'The variant''s SKU (case and surrounding spaces ignored when matching)')
            [CompletionResult]::new('--product', '--product', [CompletionResultType]::ParameterName, 'Product handle the variant belongs to (default: derived from the title or SKU); with `edit`, moves the variant to that product')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Product title')
            [CompletionResult]::new('--variant-title', '--variant-title', [CompletionResultType]::ParameterName, 'Variant title (default: the option values joined with " / ")')
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Product vendor (brand or maker)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Product type, e.g. T-shirt (free text, as in Shopify)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Product tags, comma-separated')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Product description (HTML allowed)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Product status: whether it is on sale')
            [CompletionResult]::new('--price', '--price', [CompletionResultType]::ParameterName, 'Price, e.g. 19.99 (0 or more)')
            [CompletionResult]::new('--barcode', '--barcode', [CompletionResultType]::ParameterName, 'Barcode (kept as text: leading zeros matter)')
            [CompletionResult]::new('--weight-grams', '--weight-grams', [CompletionResultType]::ParameterName, 'Shipping weight in grams (0 or more)')
            [CompletionResult]::new('--option1', '--option1', [CompletionResultType]::ParameterName, 'First option value, e.g. the colour (Black)')
            [CompletionResult]::new('--option2', '--option2', [CompletionResultType]::ParameterName, 'Second option value, e.g. the size (M)')
            [CompletionResult]::new('--option3', '--option3', [CompletionResultType]::ParameterName, 'Third option value, e.g. the material')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;catalog;edit' {
            [CompletionResult]::new('--sku', '--sku', [CompletionResultType]::ParameterName, 'The variant''s SKU (case and surrounding spaces ignored when matching)')
            [CompletionResult]::new('--product', '--product', [CompletionResultType]::ParameterName, 'Product handle the variant belongs to (default: derived from the title or SKU); with `edit`, moves the variant to that product')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Product title')
            [CompletionResult]::new('--variant-title', '--variant-title', [CompletionResultType]::ParameterName, 'Variant title (default: the option values joined with " / ")')
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Product vendor (brand or maker)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Product type, e.g. T-shirt (free text, as in Shopify)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Product tags, comma-separated')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Product description (HTML allowed)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Product status: whether it is on sale')
            [CompletionResult]::new('--price', '--price', [CompletionResultType]::ParameterName, 'Price, e.g. 19.99 (0 or more)')
            [CompletionResult]::new('--barcode', '--barcode', [CompletionResultType]::ParameterName, 'Barcode (kept as text: leading zeros matter)')
            [CompletionResult]::new('--weight-grams', '--weight-grams', [CompletionResultType]::ParameterName, 'Shipping weight in grams (0 or more)')
            [CompletionResult]::new('--option1', '--option1', [CompletionResultType]::ParameterName, 'First option value, e.g. the colour (Black)')
            [CompletionResult]::new('--option2', '--option2', [CompletionResultType]::ParameterName, 'Second option value, e.g. the size (M)')
            [CompletionResult]::new('--option3', '--option3', [CompletionResultType]::ParameterName, 'Third option value, e.g. the material')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;catalog;list' {
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only variants whose SKU, handle, titles or barcode contain this text')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;catalog;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;catalog;import' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The file to import')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file''s layout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;catalog;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The layout to write')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Write to this file (atomically) instead of stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;catalog;bundle' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Make a SKU a bundle of other SKUs, replacing its components if it is one already')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List bundles, one row per component (`-o csv` writes an oms-bundles-csv file)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one bundle and its components')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Make a bundle a plain SKU again (orders already imported keep their component lines)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;catalog;bundle;set' {
            [CompletionResult]::new('--component', '--component', [CompletionResultType]::ParameterName, 'A component and its units per kit, e.g. `--component A=2` (repeat for each)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;catalog;bundle;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;catalog;bundle;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;catalog;bundle;remove' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;catalog;bundle;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Make a SKU a bundle of other SKUs, replacing its components if it is one already')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List bundles, one row per component (`-o csv` writes an oms-bundles-csv file)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one bundle and its components')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Make a bundle a plain SKU again (orders already imported keep their component lines)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;catalog;bundle;help;set' {
            break
        }
        'oms;catalog;bundle;help;list' {
            break
        }
        'oms;catalog;bundle;help;show' {
            break
        }
        'oms;catalog;bundle;help;remove' {
            break
        }
        'oms;catalog;bundle;help;help' {
            break
        }
        'oms;catalog;sync' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this channel: the master (import only) or another channel (push only)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Push to every channel, even those whose catalog has not changed since their last push')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report what would be imported and pushed without writing, sending or moving anything')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Remove variants a channel has that the catalog does not (Shopify); without it they are kept and reported')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;catalog;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a variant (and its product when new)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a variant or its product; only the fields given change')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List variants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one variant with its product')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import products from a file (exit 3 when some rows were rejected)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export the catalog to stdout or a file')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Bundles (kits): SKUs sold as one and shipped as their components')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Import from the master product source (catalog.master), then push the catalog to every other channel that takes products (exit 3 when some records were rejected)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;catalog;help;add' {
            break
        }
        'oms;catalog;help;edit' {
            break
        }
        'oms;catalog;help;list' {
            break
        }
        'oms;catalog;help;show' {
            break
        }
        'oms;catalog;help;import' {
            break
        }
        'oms;catalog;help;export' {
            break
        }
        'oms;catalog;help;bundle' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Make a SKU a bundle of other SKUs, replacing its components if it is one already')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List bundles, one row per component (`-o csv` writes an oms-bundles-csv file)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one bundle and its components')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Make a bundle a plain SKU again (orders already imported keep their component lines)')
            break
        }
        'oms;catalog;help;bundle;set' {
            break
        }
        'oms;catalog;help;bundle;list' {
            break
        }
        'oms;catalog;help;bundle;show' {
            break
        }
        'oms;catalog;help;bundle;remove' {
            break
        }
        'oms;catalog;help;sync' {
            break
        }
        'oms;catalog;help;help' {
            break
        }
        'oms;stock' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Levels per warehouse and SKU (virtual warehouses show their members'' sums)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'The stock ledger, newest first')
            [CompletionResult]::new('adjust', 'adjust', [CompletionResultType]::ParameterValue, 'Change on hand of one SKU in one physical warehouse, or many from a CSV file')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check that every level equals the sum of its ledger rows (exit 1 when not)')
            [CompletionResult]::new('rebuild', 'rebuild', [CompletionResultType]::ParameterValue, 'Recompute every level from the ledger')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Set on hand to what fulfillment channels report (stock snapshots)')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Publish available stock to sales channels')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;stock;show' {
            [CompletionResult]::new('--sku', '--sku', [CompletionResultType]::ParameterName, 'Only this SKU (`*` matches any text)')
            [CompletionResult]::new('--warehouse', '--warehouse', [CompletionResultType]::ParameterName, 'Only these warehouses, physical or virtual (repeatable)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include rows where every quantity is zero')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;stock;history' {
            [CompletionResult]::new('--sku', '--sku', [CompletionResultType]::ParameterName, 'Only this SKU (`*` matches any text)')
            [CompletionResult]::new('--warehouse', '--warehouse', [CompletionResultType]::ParameterName, 'Physical or virtual warehouse (repeatable); a virtual one means its members')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only rows at or after this time: RFC 3339, or YYYY-MM-DD for midnight UTC')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many rows')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;stock;adjust' {
            [CompletionResult]::new('--warehouse', '--warehouse', [CompletionResultType]::ParameterName, 'The physical warehouse')
            [CompletionResult]::new('--sku', '--sku', [CompletionResultType]::ParameterName, 'The SKU (case and surrounding spaces ignored)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Change on hand by this many units: +5, -3')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set on hand to this many units')
            [CompletionResult]::new('--from-quarantine', '--from-quarantine', [CompletionResultType]::ParameterName, 'Move this many returned units out of quarantine to on hand (docs/returns.md)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why stock changed [default: other]')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'Free text kept in the ledger row')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Many adjustments from a CSV file: warehouse,sku,by,set,reason,note (docs/stock-adjustments.md)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dispose', '--dispose', [CompletionResultType]::ParameterName, 'With --from-quarantine: write the units off instead of putting them on hand')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'With --file: apply the valid rows even if some are invalid (exit 3)')
            [CompletionResult]::new('--allow-negative', '--allow-negative', [CompletionResultType]::ParameterName, 'Allow on hand to go below zero')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;stock;verify' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;stock;rebuild' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be mended without writing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;stock;sync' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this fulfillment channel')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report what would change without writing or moving any file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;stock;push' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this sales channel')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Send every SKU, not only those changed since the last push')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent per channel and SKU, without sending or writing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;stock;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Levels per warehouse and SKU (virtual warehouses show their members'' sums)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'The stock ledger, newest first')
            [CompletionResult]::new('adjust', 'adjust', [CompletionResultType]::ParameterValue, 'Change on hand of one SKU in one physical warehouse, or many from a CSV file')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check that every level equals the sum of its ledger rows (exit 1 when not)')
            [CompletionResult]::new('rebuild', 'rebuild', [CompletionResultType]::ParameterValue, 'Recompute every level from the ledger')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Set on hand to what fulfillment channels report (stock snapshots)')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Publish available stock to sales channels')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;stock;help;show' {
            break
        }
        'oms;stock;help;history' {
            break
        }
        'oms;stock;help;adjust' {
            break
        }
        'oms;stock;help;verify' {
            break
        }
        'oms;stock;help;rebuild' {
            break
        }
        'oms;stock;help;sync' {
            break
        }
        'oms;stock;help;push' {
            break
        }
        'oms;stock;help;help' {
            break
        }
        'oms;orders' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Fetch new and changed orders from sales channels, or read them from a file (exit 3 when some were rejected)')
            [CompletionResult]::new('rejects', 'rejects', [CompletionResultType]::ParameterValue, 'Orders that could not be imported, with every reason')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Orders, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One order: its lines, shipments with tracking, and its story')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve draft orders so they can be processed')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel orders: at once if nothing was sent to a warehouse, else by asking it')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Put orders on hold: their units are reserved on the sales channel''s stock source until the hold ends (after --for / at --until, or by `oms orders release`)')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'End holds by hand and process the released orders now')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Enter an order by hand; it starts as a draft')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'A new draft order with the same lines and address as order N')
            [CompletionResult]::new('ship', 'ship', [CompletionResultType]::ParameterValue, 'Mark what an order has at its warehouses shipped by hand (with the same stock effects and export to the shop as a warehouse''s confirmation)')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Allocate approved orders, create shipments and send them to the warehouses')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Report shipped lines, tracking and cancellations back to the sales channels')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;orders;import' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this sales channel; with --file, the channel the file''s orders belong to (required when several are configured)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read orders from this file instead of the channels (docs/order-files.md)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file''s layout [default: oms-json for .json/.ndjson; a CSV by its header: shopify-csv when it has `Name` and `Lineitem sku`, else oms-csv]')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Read orders updated since this time (YYYY-MM-DD or RFC 3339) instead of since the last import; orders already imported are matched as usual (shopify channels)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report what would change without writing anything or moving any file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;rejects' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this sales channel')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include rejections resolved since (the order was imported after all)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only orders in this status (draft, approved, fulfilling, partially_fulfilled, shipped, short_shipped, cancel_requested, cancelled)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only orders of this sales channel (`manual` for orders entered by hand)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Orders whose name, external id or email starts with TEXT (email in any case)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many orders')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--backordered', '--backordered', [CompletionResultType]::ParameterName, 'Only backordered orders')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;show' {
            [CompletionResult]::new('--external', '--external', [CompletionResultType]::ParameterName, 'The channel''s id of the order instead (Shopify''s order id, a file''s order_id)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only orders of this sales channel, when a name or id is used by several')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;approve' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;cancel' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing (asks nothing)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;hold' {
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'Release by itself after this long, e.g. 30m, 2h, 1d (the next `orders process` after that time processes it); without --for or --until only a person releases it')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Release by itself at this time (RFC 3339, or `YYYY-MM-DD HH:MM` in UTC)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, kept with the hold and in the order''s story')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be held without writing anything')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;release' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--no-process', '--no-process', [CompletionResultType]::ParameterName, 'Release only; leave processing to the next `oms orders process`')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be released without writing anything')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;create' {
            [CompletionResult]::new('--sku', '--sku', [CompletionResultType]::ParameterName, 'A line: SKU and quantity, e.g. --sku TEE-BLK-S=2 (repeatable)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The customer''s name (also the ship-to name unless --ship-name is given)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The customer''s email address')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'The customer''s phone number')
            [CompletionResult]::new('--ship-name', '--ship-name', [CompletionResultType]::ParameterName, 'Ship-to name [default: --name]')
            [CompletionResult]::new('--ship-company', '--ship-company', [CompletionResultType]::ParameterName, 'Ship-to company')
            [CompletionResult]::new('--ship-address1', '--ship-address1', [CompletionResultType]::ParameterName, 'Ship-to address, first line (street and number)')
            [CompletionResult]::new('--ship-address2', '--ship-address2', [CompletionResultType]::ParameterName, 'Ship-to address, second line (flat, floor)')
            [CompletionResult]::new('--ship-city', '--ship-city', [CompletionResultType]::ParameterName, 'Ship-to city')
            [CompletionResult]::new('--ship-province', '--ship-province', [CompletionResultType]::ParameterName, 'Ship-to state or province code, e.g. MA')
            [CompletionResult]::new('--ship-zip', '--ship-zip', [CompletionResultType]::ParameterName, 'Kept as text: 02134 keeps its zero')
            [CompletionResult]::new('--ship-country', '--ship-country', [CompletionResultType]::ParameterName, 'Country code, e.g. US')
            [CompletionResult]::new('--ship-phone', '--ship-phone', [CompletionResultType]::ParameterName, 'Ship-to phone number, for the carrier')
            [CompletionResult]::new('--warehouse', '--warehouse', [CompletionResultType]::ParameterName, 'The physical warehouse the order must ship from')
            [CompletionResult]::new('--carrier-service', '--carrier-service', [CompletionResultType]::ParameterName, 'Carrier service code [default: defaults.carrier_service]')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note kept with the order and sent to the warehouse')
            [CompletionResult]::new('--cancel-after', '--cancel-after', [CompletionResultType]::ParameterName, 'Cancel the order if it is not sent to a warehouse by then (RFC 3339; a bare date means the end of that day UTC), see `auto_cancel`')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--no-ship-to', '--no-ship-to', [CompletionResultType]::ParameterName, 'A digital or pickup order: create it without a ship-to name, address and country')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the order that would be created without writing it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;clone' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the copy that would be created without writing it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;ship' {
            [CompletionResult]::new('--tracking', '--tracking', [CompletionResultType]::ParameterName, 'Tracking number (repeatable: one per parcel)')
            [CompletionResult]::new('--carrier', '--carrier', [CompletionResultType]::ParameterName, 'The carrier that took the parcel, e.g. UPS')
            [CompletionResult]::new('--tracking-url', '--tracking-url', [CompletionResultType]::ParameterName, 'A link to the carrier''s tracking page')
            [CompletionResult]::new('--line', '--line', [CompletionResultType]::ParameterName, 'Only these units shipped, e.g. --line TEE-BLK-S=2 (repeatable); the rest is short shipped. Without --line every unit shipped')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing anything')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;process' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only orders of this sales channel')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Only these orders (repeatable)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Show, per order, which warehouses were considered and why one was chosen')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Plan and report without writing or sending anything')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;export' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this sales channel')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent without sending or remembering anything')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;orders;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Fetch new and changed orders from sales channels, or read them from a file (exit 3 when some were rejected)')
            [CompletionResult]::new('rejects', 'rejects', [CompletionResultType]::ParameterValue, 'Orders that could not be imported, with every reason')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Orders, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One order: its lines, shipments with tracking, and its story')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve draft orders so they can be processed')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel orders: at once if nothing was sent to a warehouse, else by asking it')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Put orders on hold: their units are reserved on the sales channel''s stock source until the hold ends (after --for / at --until, or by `oms orders release`)')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'End holds by hand and process the released orders now')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Enter an order by hand; it starts as a draft')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'A new draft order with the same lines and address as order N')
            [CompletionResult]::new('ship', 'ship', [CompletionResultType]::ParameterValue, 'Mark what an order has at its warehouses shipped by hand (with the same stock effects and export to the shop as a warehouse''s confirmation)')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Allocate approved orders, create shipments and send them to the warehouses')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Report shipped lines, tracking and cancellations back to the sales channels')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;orders;help;import' {
            break
        }
        'oms;orders;help;rejects' {
            break
        }
        'oms;orders;help;list' {
            break
        }
        'oms;orders;help;show' {
            break
        }
        'oms;orders;help;approve' {
            break
        }
        'oms;orders;help;cancel' {
            break
        }
        'oms;orders;help;hold' {
            break
        }
        'oms;orders;help;release' {
            break
        }
        'oms;orders;help;create' {
            break
        }
        'oms;orders;help;clone' {
            break
        }
        'oms;orders;help;ship' {
            break
        }
        'oms;orders;help;process' {
            break
        }
        'oms;orders;help;export' {
            break
        }
        'oms;orders;help;help' {
            break
        }
        'oms;shipments' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Shipments, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One shipment: lines, tracking and its story')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Read shipment confirmations from fulfillment channels and apply them')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send ready shipments and pending cancellation requests to fulfillment channels')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel shipments: here if not yet sent, else by asking the warehouse')
            [CompletionResult]::new('ship', 'ship', [CompletionResultType]::ParameterValue, 'Mark shipments shipped by hand (as if the warehouse had confirmed them)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close short shipments for good: release the units kept for a later parcel')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;shipments;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only shipments in this status (ready_to_send, sent_to_warehouse, shipped, …)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only shipments of this fulfillment channel')
            [CompletionResult]::new('--warehouse', '--warehouse', [CompletionResultType]::ParameterName, 'Only shipments from this physical warehouse')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many shipments, newest first')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;shipments;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;shipments;sync' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this fulfillment channel')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report what would change without writing or moving any file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;shipments;send' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this fulfillment channel')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be sent without sending or writing anything')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;shipments;cancel' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;shipments;ship' {
            [CompletionResult]::new('--tracking', '--tracking', [CompletionResultType]::ParameterName, 'Tracking number (repeatable: one per parcel)')
            [CompletionResult]::new('--carrier', '--carrier', [CompletionResultType]::ParameterName, 'The carrier that took the parcel, e.g. UPS')
            [CompletionResult]::new('--tracking-url', '--tracking-url', [CompletionResultType]::ParameterName, 'A link to the carrier''s tracking page')
            [CompletionResult]::new('--line', '--line', [CompletionResultType]::ParameterName, 'Only these units shipped, e.g. --line TEE-BLK-S=2 (repeatable); the rest is short shipped. Without --line every unit shipped')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing anything')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;shipments;close' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;shipments;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Shipments, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One shipment: lines, tracking and its story')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Read shipment confirmations from fulfillment channels and apply them')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send ready shipments and pending cancellation requests to fulfillment channels')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel shipments: here if not yet sent, else by asking the warehouse')
            [CompletionResult]::new('ship', 'ship', [CompletionResultType]::ParameterValue, 'Mark shipments shipped by hand (as if the warehouse had confirmed them)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close short shipments for good: release the units kept for a later parcel')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;shipments;help;list' {
            break
        }
        'oms;shipments;help;show' {
            break
        }
        'oms;shipments;help;sync' {
            break
        }
        'oms;shipments;help;send' {
            break
        }
        'oms;shipments;help;cancel' {
            break
        }
        'oms;shipments;help;ship' {
            break
        }
        'oms;shipments;help;close' {
            break
        }
        'oms;shipments;help;help' {
            break
        }
        'oms;po' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a draft purchase order into one physical warehouse')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a draft: supplier, expected date, note, lines')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List purchase orders')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One PO: lines with ordered/received/remaining, receipts, status story')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve drafts: their quantities become incoming stock')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Send approved POs to the fulfillment channel of their warehouse (once each)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a draft, or an approved PO with nothing received; releases its incoming stock')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a PO that is receiving, short; releases the incoming stock that never arrived')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;po;create' {
            [CompletionResult]::new('--supplier', '--supplier', [CompletionResultType]::ParameterName, 'Who the goods are bought from (free text)')
            [CompletionResult]::new('--warehouse', '--warehouse', [CompletionResultType]::ParameterName, 'The physical warehouse receiving the goods')
            [CompletionResult]::new('--line', '--line', [CompletionResultType]::ParameterName, 'A line: SKU=QTY[@UNIT_COST][:lot=L][:serial=S] (repeatable; a serial is one unit)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Lines from a CSV file with columns sku,quantity[,unit_cost][,lot][,serial]')
            [CompletionResult]::new('--expected', '--expected', [CompletionResultType]::ParameterName, 'Expected arrival (YYYY-MM-DD)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note kept with the purchase order')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the PO that would be created without writing it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;po;edit' {
            [CompletionResult]::new('--supplier', '--supplier', [CompletionResultType]::ParameterName, 'The new supplier')
            [CompletionResult]::new('--expected', '--expected', [CompletionResultType]::ParameterName, 'Expected arrival (YYYY-MM-DD); "" clears it')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, '"" clears it')
            [CompletionResult]::new('--line', '--line', [CompletionResultType]::ParameterName, 'Set a line''s quantity: SKU=QTY[:lot=L][:serial=S] (adds it if new; 0 removes it; repeatable)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the result without writing it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;po;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only POs in this status (draft, approved, receiving, received, cancelled, closed)')
            [CompletionResult]::new('--warehouse', '--warehouse', [CompletionResultType]::ParameterName, 'Only POs into this warehouse (a virtual one means its members)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;po;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;po;approve' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;po;export' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only POs for warehouses of this fulfillment channel')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent without sending or writing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;po;cancel' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;po;close' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;po;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a draft purchase order into one physical warehouse')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a draft: supplier, expected date, note, lines')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List purchase orders')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One PO: lines with ordered/received/remaining, receipts, status story')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve drafts: their quantities become incoming stock')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Send approved POs to the fulfillment channel of their warehouse (once each)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a draft, or an approved PO with nothing received; releases its incoming stock')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a PO that is receiving, short; releases the incoming stock that never arrived')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;po;help;create' {
            break
        }
        'oms;po;help;edit' {
            break
        }
        'oms;po;help;list' {
            break
        }
        'oms;po;help;show' {
            break
        }
        'oms;po;help;approve' {
            break
        }
        'oms;po;help;export' {
            break
        }
        'oms;po;help;cancel' {
            break
        }
        'oms;po;help;close' {
            break
        }
        'oms;po;help;help' {
            break
        }
        'oms;receipts' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Read receipts from fulfillment channels: on hand up, incoming down, POs advance')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;receipts;sync' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this fulfillment channel')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without writing anything or moving files')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;receipts;help' {
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Read receipts from fulfillment channels: on hand up, incoming down, POs advance')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;receipts;help;sync' {
            break
        }
        'oms;receipts;help;help' {
            break
        }
        'oms;returns' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Authorize a return of units an order shipped: RMA-000001, `open`, units `returning`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List RMAs, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One RMA: lines with what arrived and what became of it, and its story')
            [CompletionResult]::new('receive', 'receive', [CompletionResultType]::ParameterValue, 'Goods arrived: restock, quarantine or dispose of them, line by line')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Nothing more is coming back: what never arrived stops being `returning`')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'End an RMA before anything arrived')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Send RMAs to warehouses, apply what they report, import shop returns (docs/returns.md)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;returns;create' {
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'The order id (as `oms orders list` shows it)')
            [CompletionResult]::new('--line', '--line', [CompletionResultType]::ParameterName, 'A line coming back: SKU=QTY (repeatable)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the goods come back')
            [CompletionResult]::new('--warehouse', '--warehouse', [CompletionResultType]::ParameterName, 'The physical warehouse receiving the goods [default: the one that shipped them]')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note kept with the return')
            [CompletionResult]::new('--exchange', '--exchange', [CompletionResultType]::ParameterName, 'Send this instead, as a new approved order: SKU=QTY or SKU=QTY@PRICE (price 0 unless given; repeatable)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the RMA that would be created without writing it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;returns;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only RMAs in this status (open, received, closed, cancelled)')
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'Only RMAs of this order')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;returns;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;returns;receive' {
            [CompletionResult]::new('--line', '--line', [CompletionResultType]::ParameterName, 'What arrived: SKU=QTY, or SKU=QTY:restock|quarantine|dispose [default: the disposition configured for the RMA''s reason] (repeatable)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the result without writing it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;returns;close' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the result without writing it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;returns;cancel' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the result without writing it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;returns;sync' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this fulfillment channel, or this sales channel that imports returns')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent and received without sending, writing or moving anything')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;returns;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Authorize a return of units an order shipped: RMA-000001, `open`, units `returning`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List RMAs, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One RMA: lines with what arrived and what became of it, and its story')
            [CompletionResult]::new('receive', 'receive', [CompletionResultType]::ParameterValue, 'Goods arrived: restock, quarantine or dispose of them, line by line')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Nothing more is coming back: what never arrived stops being `returning`')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'End an RMA before anything arrived')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Send RMAs to warehouses, apply what they report, import shop returns (docs/returns.md)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;returns;help;create' {
            break
        }
        'oms;returns;help;list' {
            break
        }
        'oms;returns;help;show' {
            break
        }
        'oms;returns;help;receive' {
            break
        }
        'oms;returns;help;close' {
            break
        }
        'oms;returns;help;cancel' {
            break
        }
        'oms;returns;help;sync' {
            break
        }
        'oms;returns;help;help' {
            break
        }
        'oms;run' {
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these flows (comma-separated, e.g. "orders-import,orders-process")')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Skip these flows (comma-separated)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this channel, in every flow that reads or sends')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Preview every flow: nothing is committed, sent or moved')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;status' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit 1 when something needs a person (for monitoring)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;rejects' {
            [CompletionResult]::new('--flow', '--flow', [CompletionResultType]::ParameterName, 'Only this flow, e.g. "shipments sync" or shipments-sync')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this channel')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include closed rejections: resolved (applied after all) and dismissed (with the reason)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('dismiss', 'dismiss', [CompletionResultType]::ParameterValue, 'Close rejections that can never be fixed; they stay in `oms rejects --all` with the reason')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;rejects;dismiss' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why they can never be fixed (kept in the history)')
            [CompletionResult]::new('--flow', '--flow', [CompletionResultType]::ParameterName, 'The flow whose rejections --all dismisses, e.g. orders-import')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'With --all: only this channel')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every open rejection of --flow (and --channel, if given)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;rejects;help' {
            [CompletionResult]::new('dismiss', 'dismiss', [CompletionResultType]::ParameterValue, 'Close rejections that can never be fixed; they stay in `oms rejects --all` with the reason')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;rejects;help;dismiss' {
            break
        }
        'oms;rejects;help;help' {
            break
        }
        'oms;runs' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The journal of runs: flow, channel, times, counts, outcome, error (newest first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;runs;list' {
            [CompletionResult]::new('--flow', '--flow', [CompletionResultType]::ParameterName, 'Only runs of this flow, e.g. orders-import')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many runs, newest first')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;runs;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The journal of runs: flow, channel, times, counts, outcome, error (newest first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;runs;help;list' {
            break
        }
        'oms;runs;help;help' {
            break
        }
        'oms;rules' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Show every rule for an order: whether it matched, which condition failed, its effects')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;rules;test' {
            [CompletionResult]::new('--order', '--order', [CompletionResultType]::ParameterName, 'An order in oms (its number, as in `oms orders show N`)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'An order file not yet imported')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The file''s format [default: oms-json for .json files]')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'The sales channel the file''s orders belong to (needed when several are configured)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;rules;help' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Show every rule for an order: whether it matched, which condition failed, its effects')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;rules;help;test' {
            break
        }
        'oms;rules;help;help' {
            break
        }
        'oms;channels' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Try each enabled channel''s connection and credentials with one cheap call')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;channels;check' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only this channel (also when it is disabled)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;channels;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Try each enabled channel''s connection and credentials with one cheap call')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;channels;help;check' {
            break
        }
        'oms;channels;help;help' {
            break
        }
        'oms;demo' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write scripts for every shell into this folder instead')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write one page per command into this folder (default: print oms(1) to stdout)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file, overriding the config''s `database`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, json/ndjson/csv for machines')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour in tables and messages [NO_COLOR is honoured]')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append structured (JSON) log lines to this file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success but data and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail: per-item reports (-v), debug logs (-vv)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never draw progress bars')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (required when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'oms;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a starter config and create the database')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Check or show the configuration')
            [CompletionResult]::new('warehouses', 'warehouses', [CompletionResultType]::ParameterValue, 'List physical and virtual warehouses')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Products and variants')
            [CompletionResult]::new('stock', 'stock', [CompletionResultType]::ParameterValue, 'Stock levels, the ledger and adjustments')
            [CompletionResult]::new('orders', 'orders', [CompletionResultType]::ParameterValue, 'Sales orders: import, list, show, approve, cancel, create, rejections')
            [CompletionResult]::new('shipments', 'shipments', [CompletionResultType]::ParameterValue, 'Shipments to warehouses')
            [CompletionResult]::new('po', 'po', [CompletionResultType]::ParameterValue, 'Purchase orders to suppliers, received into physical warehouses')
            [CompletionResult]::new('receipts', 'receipts', [CompletionResultType]::ParameterValue, 'Receipts of purchase orders reported by warehouses')
            [CompletionResult]::new('returns', 'returns', [CompletionResultType]::ParameterValue, 'Returns (RMAs): authorize, receive, restock, quarantine or dispose')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the flows in order, for cron: quiet with -q, exit code = worst outcome')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The operator''s view: orders, backorders, unconfirmed shipments, rejections, stock, runs')
            [CompletionResult]::new('rejects', 'rejects', [CompletionResultType]::ParameterValue, 'Records any flow could not apply (orders, confirmations, receipts, stock lines)')
            [CompletionResult]::new('runs', 'runs', [CompletionResultType]::ParameterValue, 'The journal of runs')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Order rules: test what they do for an order')
            [CompletionResult]::new('channels', 'channels', [CompletionResultType]::ParameterValue, 'Sales and fulfillment channels: check their connections')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Build a demo workspace on the `files` connectors and run the whole cycle in it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print or write the man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'oms;help;init' {
            break
        }
        'oms;help;config' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the config; every mistake is named with file, line and key (exit 2)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective config with secrets redacted')
            [CompletionResult]::new('example', 'example', [CompletionResultType]::ParameterValue, 'Print the annotated example config: every key, with what it does')
            break
        }
        'oms;help;config;check' {
            break
        }
        'oms;help;config;show' {
            break
        }
        'oms;help;config;example' {
            break
        }
        'oms;help;warehouses' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Physical warehouses (with their fulfillment channel and priority) and virtual ones')
            break
        }
        'oms;help;warehouses;list' {
            break
        }
        'oms;help;catalog' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a variant (and its product when new)')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a variant or its product; only the fields given change')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List variants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one variant with its product')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import products from a file (exit 3 when some rows were rejected)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export the catalog to stdout or a file')
            [CompletionResult]::new('bundle', 'bundle', [CompletionResultType]::ParameterValue, 'Bundles (kits): SKUs sold as one and shipped as their components')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Import from the master product source (catalog.master), then push the catalog to every other channel that takes products (exit 3 when some records were rejected)')
            break
        }
        'oms;help;catalog;add' {
            break
        }
        'oms;help;catalog;edit' {
            break
        }
        'oms;help;catalog;list' {
            break
        }
        'oms;help;catalog;show' {
            break
        }
        'oms;help;catalog;import' {
            break
        }
        'oms;help;catalog;export' {
            break
        }
        'oms;help;catalog;bundle' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Make a SKU a bundle of other SKUs, replacing its components if it is one already')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List bundles, one row per component (`-o csv` writes an oms-bundles-csv file)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one bundle and its components')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Make a bundle a plain SKU again (orders already imported keep their component lines)')
            break
        }
        'oms;help;catalog;bundle;set' {
            break
        }
        'oms;help;catalog;bundle;list' {
            break
        }
        'oms;help;catalog;bundle;show' {
            break
        }
        'oms;help;catalog;bundle;remove' {
            break
        }
        'oms;help;catalog;sync' {
            break
        }
        'oms;help;stock' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Levels per warehouse and SKU (virtual warehouses show their members'' sums)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'The stock ledger, newest first')
            [CompletionResult]::new('adjust', 'adjust', [CompletionResultType]::ParameterValue, 'Change on hand of one SKU in one physical warehouse, or many from a CSV file')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check that every level equals the sum of its ledger rows (exit 1 when not)')
            [CompletionResult]::new('rebuild', 'rebuild', [CompletionResultType]::ParameterValue, 'Recompute every level from the ledger')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Set on hand to what fulfillment channels report (stock snapshots)')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Publish available stock to sales channels')
            break
        }
        'oms;help;stock;show' {
            break
        }
        'oms;help;stock;history' {
            break
        }
        'oms;help;stock;adjust' {
            break
        }
        'oms;help;stock;verify' {
            break
        }
        'oms;help;stock;rebuild' {
            break
        }
        'oms;help;stock;sync' {
            break
        }
        'oms;help;stock;push' {
            break
        }
        'oms;help;orders' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Fetch new and changed orders from sales channels, or read them from a file (exit 3 when some were rejected)')
            [CompletionResult]::new('rejects', 'rejects', [CompletionResultType]::ParameterValue, 'Orders that could not be imported, with every reason')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Orders, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One order: its lines, shipments with tracking, and its story')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve draft orders so they can be processed')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel orders: at once if nothing was sent to a warehouse, else by asking it')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Put orders on hold: their units are reserved on the sales channel''s stock source until the hold ends (after --for / at --until, or by `oms orders release`)')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'End holds by hand and process the released orders now')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Enter an order by hand; it starts as a draft')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'A new draft order with the same lines and address as order N')
            [CompletionResult]::new('ship', 'ship', [CompletionResultType]::ParameterValue, 'Mark what an order has at its warehouses shipped by hand (with the same stock effects and export to the shop as a warehouse''s confirmation)')
            [CompletionResult]::new('process', 'process', [CompletionResultType]::ParameterValue, 'Allocate approved orders, create shipments and send them to the warehouses')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Report shipped lines, tracking and cancellations back to the sales channels')
            break
        }
        'oms;help;orders;import' {
            break
        }
        'oms;help;orders;rejects' {
            break
        }
        'oms;help;orders;list' {
            break
        }
        'oms;help;orders;show' {
            break
        }
        'oms;help;orders;approve' {
            break
        }
        'oms;help;orders;cancel' {
            break
        }
        'oms;help;orders;hold' {
            break
        }
        'oms;help;orders;release' {
            break
        }
        'oms;help;orders;create' {
            break
        }
        'oms;help;orders;clone' {
            break
        }
        'oms;help;orders;ship' {
            break
        }
        'oms;help;orders;process' {
            break
        }
        'oms;help;orders;export' {
            break
        }
        'oms;help;shipments' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Shipments, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One shipment: lines, tracking and its story')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Read shipment confirmations from fulfillment channels and apply them')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send ready shipments and pending cancellation requests to fulfillment channels')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel shipments: here if not yet sent, else by asking the warehouse')
            [CompletionResult]::new('ship', 'ship', [CompletionResultType]::ParameterValue, 'Mark shipments shipped by hand (as if the warehouse had confirmed them)')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close short shipments for good: release the units kept for a later parcel')
            break
        }
        'oms;help;shipments;list' {
            break
        }
        'oms;help;shipments;show' {
            break
        }
        'oms;help;shipments;sync' {
            break
        }
        'oms;help;shipments;send' {
            break
        }
        'oms;help;shipments;cancel' {
            break
        }
        'oms;help;shipments;ship' {
            break
        }
        'oms;help;shipments;close' {
            break
        }
        'oms;help;po' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a draft purchase order into one physical warehouse')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a draft: supplier, expected date, note, lines')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List purchase orders')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One PO: lines with ordered/received/remaining, receipts, status story')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve drafts: their quantities become incoming stock')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Send approved POs to the fulfillment channel of their warehouse (once each)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a draft, or an approved PO with nothing received; releases its incoming stock')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close a PO that is receiving, short; releases the incoming stock that never arrived')
            break
        }
        'oms;help;po;create' {
            break
        }
        'oms;help;po;edit' {
            break
        }
        'oms;help;po;list' {
            break
        }
        'oms;help;po;show' {
            break
        }
        'oms;help;po;approve' {
            break
        }
        'oms;help;po;export' {
            break
        }
        'oms;help;po;cancel' {
            break
        }
        'oms;help;po;close' {
            break
        }
        'oms;help;receipts' {
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Read receipts from fulfillment channels: on hand up, incoming down, POs advance')
            break
        }
        'oms;help;receipts;sync' {
            break
        }
        'oms;help;returns' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Authorize a return of units an order shipped: RMA-000001, `open`, units `returning`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List RMAs, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One RMA: lines with what arrived and what became of it, and its story')
            [CompletionResult]::new('receive', 'receive', [CompletionResultType]::ParameterValue, 'Goods arrived: restock, quarantine or dispose of them, line by line')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Nothing more is coming back: what never arrived stops being `returning`')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'End an RMA before anything arrived')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Send RMAs to warehouses, apply what they report, import shop returns (docs/returns.md)')
            break
        }
        'oms;help;returns;create' {
            break
        }
        'oms;help;returns;list' {
            break
        }
        'oms;help;returns;show' {
            break
        }
        'oms;help;returns;receive' {
            break
        }
        'oms;help;returns;close' {
            break
        }
        'oms;help;returns;cancel' {
            break
        }
        'oms;help;returns;sync' {
            break
        }
        'oms;help;run' {
            break
        }
        'oms;help;status' {
            break
        }
        'oms;help;rejects' {
            [CompletionResult]::new('dismiss', 'dismiss', [CompletionResultType]::ParameterValue, 'Close rejections that can never be fixed; they stay in `oms rejects --all` with the reason')
            break
        }
        'oms;help;rejects;dismiss' {
            break
        }
        'oms;help;runs' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The journal of runs: flow, channel, times, counts, outcome, error (newest first)')
            break
        }
        'oms;help;runs;list' {
            break
        }
        'oms;help;rules' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Show every rule for an order: whether it matched, which condition failed, its effects')
            break
        }
        'oms;help;rules;test' {
            break
        }
        'oms;help;channels' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Try each enabled channel''s connection and credentials with one cheap call')
            break
        }
        'oms;help;channels;check' {
            break
        }
        'oms;help;demo' {
            break
        }
        'oms;help;completions' {
            break
        }
        'oms;help;man' {
            break
        }
        'oms;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
