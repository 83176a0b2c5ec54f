
use builtin;
use str;

set edit:completion:arg-completer[oms] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'oms'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'oms'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Write a starter config and create the database'
            cand config 'Check or show the configuration'
            cand warehouses 'List physical and virtual warehouses'
            cand catalog 'Products and variants'
            cand stock 'Stock levels, the ledger and adjustments'
            cand orders 'Sales orders: import, list, show, approve, cancel, create, rejections'
            cand shipments 'Shipments to warehouses'
            cand po 'Purchase orders to suppliers, received into physical warehouses'
            cand receipts 'Receipts of purchase orders reported by warehouses'
            cand returns 'Returns (RMAs): authorize, receive, restock, quarantine or dispose'
            cand run 'Run the flows in order, for cron: quiet with -q, exit code = worst outcome'
            cand status 'The operator''s view: orders, backorders, unconfirmed shipments, rejections, stock, runs'
            cand rejects 'Records any flow could not apply (orders, confirmations, receipts, stock lines)'
            cand runs 'The journal of runs'
            cand rules 'Order rules: test what they do for an order'
            cand channels 'Sales and fulfillment channels: check their connections'
            cand demo 'Build a demo workspace on the `files` connectors and run the whole cycle in it'
            cand completions 'Print a shell completion script'
            cand man 'Print or write the man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;init'= {
            cand --warehouse 'Code of the first physical warehouse'
            cand --sales-channel 'Code of the first sales channel (a `files` folder to start with)'
            cand --fulfillment-channel 'Code of the warehouse''s fulfillment channel (a `files` folder to start with)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --force 'Overwrite an existing oms.toml'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;config'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Validate the config; every mistake is named with file, line and key (exit 2)'
            cand show 'Print the effective config with secrets redacted'
            cand example 'Print the annotated example config: every key, with what it does'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;config;check'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;config;show'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;config;example'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;config;help'= {
            cand check 'Validate the config; every mistake is named with file, line and key (exit 2)'
            cand show 'Print the effective config with secrets redacted'
            cand example 'Print the annotated example config: every key, with what it does'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;config;help;check'= {
        }
        &'oms;config;help;show'= {
        }
        &'oms;config;help;example'= {
        }
        &'oms;config;help;help'= {
        }
        &'oms;warehouses'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Physical warehouses (with their fulfillment channel and priority) and virtual ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;warehouses;list'= {
            cand --columns 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;warehouses;help'= {
            cand list 'Physical warehouses (with their fulfillment channel and priority) and virtual ones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;warehouses;help;list'= {
        }
        &'oms;warehouses;help;help'= {
        }
        &'oms;catalog'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a variant (and its product when new)'
            cand edit 'Change a variant or its product; only the fields given change'
            cand list 'List variants'
            cand show 'Show one variant with its product'
            cand import 'Import products from a file (exit 3 when some rows were rejected)'
            cand export 'Export the catalog to stdout or a file'
            cand bundle 'Bundles (kits): SKUs sold as one and shipped as their components'
            cand sync 'Import from the master product source (catalog.master), then push the catalog to every other channel that takes products (exit 3 when some records were rejected)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;catalog;add'= {
            cand --sku 'The variant''s SKU (case and surrounding spaces ignored when matching)'
            cand --product 'Product handle the variant belongs to (default: derived from the title or SKU); with `edit`, moves the variant to that product'
            cand --title 'Product title'
            cand --variant-title 'Variant title (default: the option values joined with " / ")'
            cand --vendor 'Product vendor (brand or maker)'
            cand --type 'Product type, e.g. T-shirt (free text, as in Shopify)'
            cand --tags 'Product tags, comma-separated'
            cand --description 'Product description (HTML allowed)'
            cand --status 'Product status: whether it is on sale'
            cand --price 'Price, e.g. 19.99 (0 or more)'
            cand --barcode 'Barcode (kept as text: leading zeros matter)'
            cand --weight-grams 'Shipping weight in grams (0 or more)'
            cand --option1 'First option value, e.g. the colour (Black)'
            cand --option2 'Second option value, e.g. the size (M)'
            cand --option3 'Third option value, e.g. the material'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;catalog;edit'= {
            cand --sku 'The variant''s SKU (case and surrounding spaces ignored when matching)'
            cand --product 'Product handle the variant belongs to (default: derived from the title or SKU); with `edit`, moves the variant to that product'
            cand --title 'Product title'
            cand --variant-title 'Variant title (default: the option values joined with " / ")'
            cand --vendor 'Product vendor (brand or maker)'
            cand --type 'Product type, e.g. T-shirt (free text, as in Shopify)'
            cand --tags 'Product tags, comma-separated'
            cand --description 'Product description (HTML allowed)'
            cand --status 'Product status: whether it is on sale'
            cand --price 'Price, e.g. 19.99 (0 or more)'
            cand --barcode 'Barcode (kept as text: leading zeros matter)'
            cand --weight-grams 'Shipping weight in grams (0 or more)'
            cand --option1 'First option value, e.g. the colour (Black)'
            cand --option2 'Second option value, e.g. the size (M)'
            cand --option3 'Third option value, e.g. the material'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;catalog;list'= {
            cand --search 'Only variants whose SKU, handle, titles or barcode contain this text'
            cand --columns 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;catalog;show'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;catalog;import'= {
            cand --file 'The file to import'
            cand --format 'The file''s layout'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would change without writing'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;catalog;export'= {
            cand --format 'The layout to write'
            cand --file 'Write to this file (atomically) instead of stdout'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;catalog;bundle'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Make a SKU a bundle of other SKUs, replacing its components if it is one already'
            cand list 'List bundles, one row per component (`-o csv` writes an oms-bundles-csv file)'
            cand show 'Show one bundle and its components'
            cand remove 'Make a bundle a plain SKU again (orders already imported keep their component lines)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;catalog;bundle;set'= {
            cand --component 'A component and its units per kit, e.g. `--component A=2` (repeat for each)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;catalog;bundle;list'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;catalog;bundle;show'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;catalog;bundle;remove'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;catalog;bundle;help'= {
            cand set 'Make a SKU a bundle of other SKUs, replacing its components if it is one already'
            cand list 'List bundles, one row per component (`-o csv` writes an oms-bundles-csv file)'
            cand show 'Show one bundle and its components'
            cand remove 'Make a bundle a plain SKU again (orders already imported keep their component lines)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;catalog;bundle;help;set'= {
        }
        &'oms;catalog;bundle;help;list'= {
        }
        &'oms;catalog;bundle;help;show'= {
        }
        &'oms;catalog;bundle;help;remove'= {
        }
        &'oms;catalog;bundle;help;help'= {
        }
        &'oms;catalog;sync'= {
            cand --channel 'Only this channel: the master (import only) or another channel (push only)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --full 'Push to every channel, even those whose catalog has not changed since their last push'
            cand --dry-run 'Report what would be imported and pushed without writing, sending or moving anything'
            cand --prune 'Remove variants a channel has that the catalog does not (Shopify); without it they are kept and reported'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;catalog;help'= {
            cand add 'Add a variant (and its product when new)'
            cand edit 'Change a variant or its product; only the fields given change'
            cand list 'List variants'
            cand show 'Show one variant with its product'
            cand import 'Import products from a file (exit 3 when some rows were rejected)'
            cand export 'Export the catalog to stdout or a file'
            cand bundle 'Bundles (kits): SKUs sold as one and shipped as their components'
            cand sync 'Import from the master product source (catalog.master), then push the catalog to every other channel that takes products (exit 3 when some records were rejected)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;catalog;help;add'= {
        }
        &'oms;catalog;help;edit'= {
        }
        &'oms;catalog;help;list'= {
        }
        &'oms;catalog;help;show'= {
        }
        &'oms;catalog;help;import'= {
        }
        &'oms;catalog;help;export'= {
        }
        &'oms;catalog;help;bundle'= {
            cand set 'Make a SKU a bundle of other SKUs, replacing its components if it is one already'
            cand list 'List bundles, one row per component (`-o csv` writes an oms-bundles-csv file)'
            cand show 'Show one bundle and its components'
            cand remove 'Make a bundle a plain SKU again (orders already imported keep their component lines)'
        }
        &'oms;catalog;help;bundle;set'= {
        }
        &'oms;catalog;help;bundle;list'= {
        }
        &'oms;catalog;help;bundle;show'= {
        }
        &'oms;catalog;help;bundle;remove'= {
        }
        &'oms;catalog;help;sync'= {
        }
        &'oms;catalog;help;help'= {
        }
        &'oms;stock'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Levels per warehouse and SKU (virtual warehouses show their members'' sums)'
            cand history 'The stock ledger, newest first'
            cand adjust 'Change on hand of one SKU in one physical warehouse, or many from a CSV file'
            cand verify 'Check that every level equals the sum of its ledger rows (exit 1 when not)'
            cand rebuild 'Recompute every level from the ledger'
            cand sync 'Set on hand to what fulfillment channels report (stock snapshots)'
            cand push 'Publish available stock to sales channels'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;stock;show'= {
            cand --sku 'Only this SKU (`*` matches any text)'
            cand --warehouse 'Only these warehouses, physical or virtual (repeatable)'
            cand --columns 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --all 'Include rows where every quantity is zero'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;stock;history'= {
            cand --sku 'Only this SKU (`*` matches any text)'
            cand --warehouse 'Physical or virtual warehouse (repeatable); a virtual one means its members'
            cand --since 'Only rows at or after this time: RFC 3339, or YYYY-MM-DD for midnight UTC'
            cand --limit 'At most this many rows'
            cand --columns 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;stock;adjust'= {
            cand --warehouse 'The physical warehouse'
            cand --sku 'The SKU (case and surrounding spaces ignored)'
            cand --by 'Change on hand by this many units: +5, -3'
            cand --set 'Set on hand to this many units'
            cand --from-quarantine 'Move this many returned units out of quarantine to on hand (docs/returns.md)'
            cand --reason 'Why stock changed [default: other]'
            cand --note 'Free text kept in the ledger row'
            cand --file 'Many adjustments from a CSV file: warehouse,sku,by,set,reason,note (docs/stock-adjustments.md)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dispose 'With --from-quarantine: write the units off instead of putting them on hand'
            cand --skip-invalid 'With --file: apply the valid rows even if some are invalid (exit 3)'
            cand --allow-negative 'Allow on hand to go below zero'
            cand --dry-run 'Show what would change without writing'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;stock;verify'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;stock;rebuild'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would be mended without writing'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;stock;sync'= {
            cand --channel 'Only this fulfillment channel'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Report what would change without writing or moving any file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;stock;push'= {
            cand --channel 'Only this sales channel'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --full 'Send every SKU, not only those changed since the last push'
            cand --dry-run 'Show what would be sent per channel and SKU, without sending or writing'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;stock;help'= {
            cand show 'Levels per warehouse and SKU (virtual warehouses show their members'' sums)'
            cand history 'The stock ledger, newest first'
            cand adjust 'Change on hand of one SKU in one physical warehouse, or many from a CSV file'
            cand verify 'Check that every level equals the sum of its ledger rows (exit 1 when not)'
            cand rebuild 'Recompute every level from the ledger'
            cand sync 'Set on hand to what fulfillment channels report (stock snapshots)'
            cand push 'Publish available stock to sales channels'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;stock;help;show'= {
        }
        &'oms;stock;help;history'= {
        }
        &'oms;stock;help;adjust'= {
        }
        &'oms;stock;help;verify'= {
        }
        &'oms;stock;help;rebuild'= {
        }
        &'oms;stock;help;sync'= {
        }
        &'oms;stock;help;push'= {
        }
        &'oms;stock;help;help'= {
        }
        &'oms;orders'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand import 'Fetch new and changed orders from sales channels, or read them from a file (exit 3 when some were rejected)'
            cand rejects 'Orders that could not be imported, with every reason'
            cand list 'Orders, newest first'
            cand show 'One order: its lines, shipments with tracking, and its story'
            cand approve 'Approve draft orders so they can be processed'
            cand cancel 'Cancel orders: at once if nothing was sent to a warehouse, else by asking it'
            cand hold 'Put orders on hold: their units are reserved on the sales channel''s stock source until the hold ends (after --for / at --until, or by `oms orders release`)'
            cand release 'End holds by hand and process the released orders now'
            cand create 'Enter an order by hand; it starts as a draft'
            cand clone 'A new draft order with the same lines and address as order N'
            cand ship 'Mark what an order has at its warehouses shipped by hand (with the same stock effects and export to the shop as a warehouse''s confirmation)'
            cand process 'Allocate approved orders, create shipments and send them to the warehouses'
            cand export 'Report shipped lines, tracking and cancellations back to the sales channels'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;orders;import'= {
            cand --channel 'Only this sales channel; with --file, the channel the file''s orders belong to (required when several are configured)'
            cand --file 'Read orders from this file instead of the channels (docs/order-files.md)'
            cand --format 'The file''s layout [default: oms-json for .json/.ndjson; a CSV by its header: shopify-csv when it has `Name` and `Lineitem sku`, else oms-csv]'
            cand --since 'Read orders updated since this time (YYYY-MM-DD or RFC 3339) instead of since the last import; orders already imported are matched as usual (shopify channels)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Report what would change without writing anything or moving any file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;rejects'= {
            cand --channel 'Only this sales channel'
            cand --columns 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --all 'Include rejections resolved since (the order was imported after all)'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;list'= {
            cand --status 'Only orders in this status (draft, approved, fulfilling, partially_fulfilled, shipped, short_shipped, cancel_requested, cancelled)'
            cand --channel 'Only orders of this sales channel (`manual` for orders entered by hand)'
            cand --search 'Orders whose name, external id or email starts with TEXT (email in any case)'
            cand --limit 'At most this many orders'
            cand --columns 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --backordered 'Only backordered orders'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;show'= {
            cand --external 'The channel''s id of the order instead (Shopify''s order id, a file''s order_id)'
            cand --channel 'Only orders of this sales channel, when a name or id is used by several'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;approve'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would change without writing'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;cancel'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would change without writing (asks nothing)'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;hold'= {
            cand --for 'Release by itself after this long, e.g. 30m, 2h, 1d (the next `orders process` after that time processes it); without --for or --until only a person releases it'
            cand --until 'Release by itself at this time (RFC 3339, or `YYYY-MM-DD HH:MM` in UTC)'
            cand --reason 'Why, kept with the hold and in the order''s story'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would be held without writing anything'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;release'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --no-process 'Release only; leave processing to the next `oms orders process`'
            cand --dry-run 'Show what would be released without writing anything'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;create'= {
            cand --sku 'A line: SKU and quantity, e.g. --sku TEE-BLK-S=2 (repeatable)'
            cand --name 'The customer''s name (also the ship-to name unless --ship-name is given)'
            cand --email 'The customer''s email address'
            cand --phone 'The customer''s phone number'
            cand --ship-name 'Ship-to name [default: --name]'
            cand --ship-company 'Ship-to company'
            cand --ship-address1 'Ship-to address, first line (street and number)'
            cand --ship-address2 'Ship-to address, second line (flat, floor)'
            cand --ship-city 'Ship-to city'
            cand --ship-province 'Ship-to state or province code, e.g. MA'
            cand --ship-zip 'Kept as text: 02134 keeps its zero'
            cand --ship-country 'Country code, e.g. US'
            cand --ship-phone 'Ship-to phone number, for the carrier'
            cand --warehouse 'The physical warehouse the order must ship from'
            cand --carrier-service 'Carrier service code [default: defaults.carrier_service]'
            cand --note 'A note kept with the order and sent to the warehouse'
            cand --cancel-after 'Cancel the order if it is not sent to a warehouse by then (RFC 3339; a bare date means the end of that day UTC), see `auto_cancel`'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --no-ship-to 'A digital or pickup order: create it without a ship-to name, address and country'
            cand --dry-run 'Show the order that would be created without writing it'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;clone'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show the copy that would be created without writing it'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;ship'= {
            cand --tracking 'Tracking number (repeatable: one per parcel)'
            cand --carrier 'The carrier that took the parcel, e.g. UPS'
            cand --tracking-url 'A link to the carrier''s tracking page'
            cand --line 'Only these units shipped, e.g. --line TEE-BLK-S=2 (repeatable); the rest is short shipped. Without --line every unit shipped'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would change without writing anything'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;process'= {
            cand --channel 'Only orders of this sales channel'
            cand --order 'Only these orders (repeatable)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --explain 'Show, per order, which warehouses were considered and why one was chosen'
            cand --dry-run 'Plan and report without writing or sending anything'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;export'= {
            cand --channel 'Only this sales channel'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would be sent without sending or remembering anything'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;orders;help'= {
            cand import 'Fetch new and changed orders from sales channels, or read them from a file (exit 3 when some were rejected)'
            cand rejects 'Orders that could not be imported, with every reason'
            cand list 'Orders, newest first'
            cand show 'One order: its lines, shipments with tracking, and its story'
            cand approve 'Approve draft orders so they can be processed'
            cand cancel 'Cancel orders: at once if nothing was sent to a warehouse, else by asking it'
            cand hold 'Put orders on hold: their units are reserved on the sales channel''s stock source until the hold ends (after --for / at --until, or by `oms orders release`)'
            cand release 'End holds by hand and process the released orders now'
            cand create 'Enter an order by hand; it starts as a draft'
            cand clone 'A new draft order with the same lines and address as order N'
            cand ship 'Mark what an order has at its warehouses shipped by hand (with the same stock effects and export to the shop as a warehouse''s confirmation)'
            cand process 'Allocate approved orders, create shipments and send them to the warehouses'
            cand export 'Report shipped lines, tracking and cancellations back to the sales channels'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;orders;help;import'= {
        }
        &'oms;orders;help;rejects'= {
        }
        &'oms;orders;help;list'= {
        }
        &'oms;orders;help;show'= {
        }
        &'oms;orders;help;approve'= {
        }
        &'oms;orders;help;cancel'= {
        }
        &'oms;orders;help;hold'= {
        }
        &'oms;orders;help;release'= {
        }
        &'oms;orders;help;create'= {
        }
        &'oms;orders;help;clone'= {
        }
        &'oms;orders;help;ship'= {
        }
        &'oms;orders;help;process'= {
        }
        &'oms;orders;help;export'= {
        }
        &'oms;orders;help;help'= {
        }
        &'oms;shipments'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Shipments, newest first'
            cand show 'One shipment: lines, tracking and its story'
            cand sync 'Read shipment confirmations from fulfillment channels and apply them'
            cand send 'Send ready shipments and pending cancellation requests to fulfillment channels'
            cand cancel 'Cancel shipments: here if not yet sent, else by asking the warehouse'
            cand ship 'Mark shipments shipped by hand (as if the warehouse had confirmed them)'
            cand close 'Close short shipments for good: release the units kept for a later parcel'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;shipments;list'= {
            cand --status 'Only shipments in this status (ready_to_send, sent_to_warehouse, shipped, …)'
            cand --channel 'Only shipments of this fulfillment channel'
            cand --warehouse 'Only shipments from this physical warehouse'
            cand --limit 'At most this many shipments, newest first'
            cand --columns 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;shipments;show'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;shipments;sync'= {
            cand --channel 'Only this fulfillment channel'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Report what would change without writing or moving any file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;shipments;send'= {
            cand --channel 'Only this fulfillment channel'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'List what would be sent without sending or writing anything'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;shipments;cancel'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would change without writing'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;shipments;ship'= {
            cand --tracking 'Tracking number (repeatable: one per parcel)'
            cand --carrier 'The carrier that took the parcel, e.g. UPS'
            cand --tracking-url 'A link to the carrier''s tracking page'
            cand --line 'Only these units shipped, e.g. --line TEE-BLK-S=2 (repeatable); the rest is short shipped. Without --line every unit shipped'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would change without writing anything'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;shipments;close'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would change without writing'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;shipments;help'= {
            cand list 'Shipments, newest first'
            cand show 'One shipment: lines, tracking and its story'
            cand sync 'Read shipment confirmations from fulfillment channels and apply them'
            cand send 'Send ready shipments and pending cancellation requests to fulfillment channels'
            cand cancel 'Cancel shipments: here if not yet sent, else by asking the warehouse'
            cand ship 'Mark shipments shipped by hand (as if the warehouse had confirmed them)'
            cand close 'Close short shipments for good: release the units kept for a later parcel'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;shipments;help;list'= {
        }
        &'oms;shipments;help;show'= {
        }
        &'oms;shipments;help;sync'= {
        }
        &'oms;shipments;help;send'= {
        }
        &'oms;shipments;help;cancel'= {
        }
        &'oms;shipments;help;ship'= {
        }
        &'oms;shipments;help;close'= {
        }
        &'oms;shipments;help;help'= {
        }
        &'oms;po'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a draft purchase order into one physical warehouse'
            cand edit 'Change a draft: supplier, expected date, note, lines'
            cand list 'List purchase orders'
            cand show 'One PO: lines with ordered/received/remaining, receipts, status story'
            cand approve 'Approve drafts: their quantities become incoming stock'
            cand export 'Send approved POs to the fulfillment channel of their warehouse (once each)'
            cand cancel 'Cancel a draft, or an approved PO with nothing received; releases its incoming stock'
            cand close 'Close a PO that is receiving, short; releases the incoming stock that never arrived'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;po;create'= {
            cand --supplier 'Who the goods are bought from (free text)'
            cand --warehouse 'The physical warehouse receiving the goods'
            cand --line 'A line: SKU=QTY[@UNIT_COST][:lot=L][:serial=S] (repeatable; a serial is one unit)'
            cand --file 'Lines from a CSV file with columns sku,quantity[,unit_cost][,lot][,serial]'
            cand --expected 'Expected arrival (YYYY-MM-DD)'
            cand --note 'A note kept with the purchase order'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show the PO that would be created without writing it'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;po;edit'= {
            cand --supplier 'The new supplier'
            cand --expected 'Expected arrival (YYYY-MM-DD); "" clears it'
            cand --note '"" clears it'
            cand --line 'Set a line''s quantity: SKU=QTY[:lot=L][:serial=S] (adds it if new; 0 removes it; repeatable)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show the result without writing it'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;po;list'= {
            cand --status 'Only POs in this status (draft, approved, receiving, received, cancelled, closed)'
            cand --warehouse 'Only POs into this warehouse (a virtual one means its members)'
            cand --columns 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;po;show'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;po;approve'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would change without writing'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;po;export'= {
            cand --channel 'Only POs for warehouses of this fulfillment channel'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would be sent without sending or writing'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;po;cancel'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would change without writing'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;po;close'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would change without writing'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;po;help'= {
            cand create 'Create a draft purchase order into one physical warehouse'
            cand edit 'Change a draft: supplier, expected date, note, lines'
            cand list 'List purchase orders'
            cand show 'One PO: lines with ordered/received/remaining, receipts, status story'
            cand approve 'Approve drafts: their quantities become incoming stock'
            cand export 'Send approved POs to the fulfillment channel of their warehouse (once each)'
            cand cancel 'Cancel a draft, or an approved PO with nothing received; releases its incoming stock'
            cand close 'Close a PO that is receiving, short; releases the incoming stock that never arrived'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;po;help;create'= {
        }
        &'oms;po;help;edit'= {
        }
        &'oms;po;help;list'= {
        }
        &'oms;po;help;show'= {
        }
        &'oms;po;help;approve'= {
        }
        &'oms;po;help;export'= {
        }
        &'oms;po;help;cancel'= {
        }
        &'oms;po;help;close'= {
        }
        &'oms;po;help;help'= {
        }
        &'oms;receipts'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sync 'Read receipts from fulfillment channels: on hand up, incoming down, POs advance'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;receipts;sync'= {
            cand --channel 'Only this fulfillment channel'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would change without writing anything or moving files'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;receipts;help'= {
            cand sync 'Read receipts from fulfillment channels: on hand up, incoming down, POs advance'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;receipts;help;sync'= {
        }
        &'oms;receipts;help;help'= {
        }
        &'oms;returns'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Authorize a return of units an order shipped: RMA-000001, `open`, units `returning`'
            cand list 'List RMAs, newest first'
            cand show 'One RMA: lines with what arrived and what became of it, and its story'
            cand receive 'Goods arrived: restock, quarantine or dispose of them, line by line'
            cand close 'Nothing more is coming back: what never arrived stops being `returning`'
            cand cancel 'End an RMA before anything arrived'
            cand sync 'Send RMAs to warehouses, apply what they report, import shop returns (docs/returns.md)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;returns;create'= {
            cand --order 'The order id (as `oms orders list` shows it)'
            cand --line 'A line coming back: SKU=QTY (repeatable)'
            cand --reason 'Why the goods come back'
            cand --warehouse 'The physical warehouse receiving the goods [default: the one that shipped them]'
            cand --note 'A note kept with the return'
            cand --exchange 'Send this instead, as a new approved order: SKU=QTY or SKU=QTY@PRICE (price 0 unless given; repeatable)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show the RMA that would be created without writing it'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;returns;list'= {
            cand --status 'Only RMAs in this status (open, received, closed, cancelled)'
            cand --order 'Only RMAs of this order'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;returns;show'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;returns;receive'= {
            cand --line 'What arrived: SKU=QTY, or SKU=QTY:restock|quarantine|dispose [default: the disposition configured for the RMA''s reason] (repeatable)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show the result without writing it'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;returns;close'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show the result without writing it'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;returns;cancel'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show the result without writing it'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;returns;sync'= {
            cand --channel 'Only this fulfillment channel, or this sales channel that imports returns'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Show what would be sent and received without sending, writing or moving anything'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;returns;help'= {
            cand create 'Authorize a return of units an order shipped: RMA-000001, `open`, units `returning`'
            cand list 'List RMAs, newest first'
            cand show 'One RMA: lines with what arrived and what became of it, and its story'
            cand receive 'Goods arrived: restock, quarantine or dispose of them, line by line'
            cand close 'Nothing more is coming back: what never arrived stops being `returning`'
            cand cancel 'End an RMA before anything arrived'
            cand sync 'Send RMAs to warehouses, apply what they report, import shop returns (docs/returns.md)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;returns;help;create'= {
        }
        &'oms;returns;help;list'= {
        }
        &'oms;returns;help;show'= {
        }
        &'oms;returns;help;receive'= {
        }
        &'oms;returns;help;close'= {
        }
        &'oms;returns;help;cancel'= {
        }
        &'oms;returns;help;sync'= {
        }
        &'oms;returns;help;help'= {
        }
        &'oms;run'= {
            cand --only 'Run only these flows (comma-separated, e.g. "orders-import,orders-process")'
            cand --skip 'Skip these flows (comma-separated)'
            cand --channel 'Only this channel, in every flow that reads or sends'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --dry-run 'Preview every flow: nothing is committed, sent or moved'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;status'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --check 'Exit 1 when something needs a person (for monitoring)'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;rejects'= {
            cand --flow 'Only this flow, e.g. "shipments sync" or shipments-sync'
            cand --channel 'Only this channel'
            cand --columns 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --all 'Include closed rejections: resolved (applied after all) and dismissed (with the reason)'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand dismiss 'Close rejections that can never be fixed; they stay in `oms rejects --all` with the reason'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;rejects;dismiss'= {
            cand --reason 'Why they can never be fixed (kept in the history)'
            cand --flow 'The flow whose rejections --all dismisses, e.g. orders-import'
            cand --channel 'With --all: only this channel'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand --all 'Every open rejection of --flow (and --channel, if given)'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;rejects;help'= {
            cand dismiss 'Close rejections that can never be fixed; they stay in `oms rejects --all` with the reason'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;rejects;help;dismiss'= {
        }
        &'oms;rejects;help;help'= {
        }
        &'oms;runs'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'The journal of runs: flow, channel, times, counts, outcome, error (newest first)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;runs;list'= {
            cand --flow 'Only runs of this flow, e.g. orders-import'
            cand --limit 'At most this many runs, newest first'
            cand --columns 'Columns to show, comma-separated, or `all` [default: a compact set that fits the terminal]; an unknown name is refused with the list. `-o json` has every field'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;runs;help'= {
            cand list 'The journal of runs: flow, channel, times, counts, outcome, error (newest first)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;runs;help;list'= {
        }
        &'oms;runs;help;help'= {
        }
        &'oms;rules'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand test 'Show every rule for an order: whether it matched, which condition failed, its effects'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;rules;test'= {
            cand --order 'An order in oms (its number, as in `oms orders show N`)'
            cand --file 'An order file not yet imported'
            cand --format 'The file''s format [default: oms-json for .json files]'
            cand --channel 'The sales channel the file''s orders belong to (needed when several are configured)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;rules;help'= {
            cand test 'Show every rule for an order: whether it matched, which condition failed, its effects'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;rules;help;test'= {
        }
        &'oms;rules;help;help'= {
        }
        &'oms;channels'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Try each enabled channel''s connection and credentials with one cheap call'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;channels;check'= {
            cand --channel 'Only this channel (also when it is disabled)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;channels;help'= {
            cand check 'Try each enabled channel''s connection and credentials with one cheap call'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;channels;help;check'= {
        }
        &'oms;channels;help;help'= {
        }
        &'oms;demo'= {
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;completions'= {
            cand --dir 'Write scripts for every shell into this folder instead'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;man'= {
            cand --dir 'Write one page per command into this folder (default: print oms(1) to stdout)'
            cand --config 'Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
            cand -q 'Print nothing on success but data and warnings'
            cand --quiet 'Print nothing on success but data and warnings'
            cand -v 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --verbose 'More detail: per-item reports (-v), debug logs (-vv)'
            cand --no-progress 'Never draw progress bars'
            cand -y 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand --yes 'Answer yes to confirmations (required when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'oms;help'= {
            cand init 'Write a starter config and create the database'
            cand config 'Check or show the configuration'
            cand warehouses 'List physical and virtual warehouses'
            cand catalog 'Products and variants'
            cand stock 'Stock levels, the ledger and adjustments'
            cand orders 'Sales orders: import, list, show, approve, cancel, create, rejections'
            cand shipments 'Shipments to warehouses'
            cand po 'Purchase orders to suppliers, received into physical warehouses'
            cand receipts 'Receipts of purchase orders reported by warehouses'
            cand returns 'Returns (RMAs): authorize, receive, restock, quarantine or dispose'
            cand run 'Run the flows in order, for cron: quiet with -q, exit code = worst outcome'
            cand status 'The operator''s view: orders, backorders, unconfirmed shipments, rejections, stock, runs'
            cand rejects 'Records any flow could not apply (orders, confirmations, receipts, stock lines)'
            cand runs 'The journal of runs'
            cand rules 'Order rules: test what they do for an order'
            cand channels 'Sales and fulfillment channels: check their connections'
            cand demo 'Build a demo workspace on the `files` connectors and run the whole cycle in it'
            cand completions 'Print a shell completion script'
            cand man 'Print or write the man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;help;init'= {
        }
        &'oms;help;config'= {
            cand check 'Validate the config; every mistake is named with file, line and key (exit 2)'
            cand show 'Print the effective config with secrets redacted'
            cand example 'Print the annotated example config: every key, with what it does'
        }
        &'oms;help;config;check'= {
        }
        &'oms;help;config;show'= {
        }
        &'oms;help;config;example'= {
        }
        &'oms;help;warehouses'= {
            cand list 'Physical warehouses (with their fulfillment channel and priority) and virtual ones'
        }
        &'oms;help;warehouses;list'= {
        }
        &'oms;help;catalog'= {
            cand add 'Add a variant (and its product when new)'
            cand edit 'Change a variant or its product; only the fields given change'
            cand list 'List variants'
            cand show 'Show one variant with its product'
            cand import 'Import products from a file (exit 3 when some rows were rejected)'
            cand export 'Export the catalog to stdout or a file'
            cand bundle 'Bundles (kits): SKUs sold as one and shipped as their components'
            cand sync 'Import from the master product source (catalog.master), then push the catalog to every other channel that takes products (exit 3 when some records were rejected)'
        }
        &'oms;help;catalog;add'= {
        }
        &'oms;help;catalog;edit'= {
        }
        &'oms;help;catalog;list'= {
        }
        &'oms;help;catalog;show'= {
        }
        &'oms;help;catalog;import'= {
        }
        &'oms;help;catalog;export'= {
        }
        &'oms;help;catalog;bundle'= {
            cand set 'Make a SKU a bundle of other SKUs, replacing its components if it is one already'
            cand list 'List bundles, one row per component (`-o csv` writes an oms-bundles-csv file)'
            cand show 'Show one bundle and its components'
            cand remove 'Make a bundle a plain SKU again (orders already imported keep their component lines)'
        }
        &'oms;help;catalog;bundle;set'= {
        }
        &'oms;help;catalog;bundle;list'= {
        }
        &'oms;help;catalog;bundle;show'= {
        }
        &'oms;help;catalog;bundle;remove'= {
        }
        &'oms;help;catalog;sync'= {
        }
        &'oms;help;stock'= {
            cand show 'Levels per warehouse and SKU (virtual warehouses show their members'' sums)'
            cand history 'The stock ledger, newest first'
            cand adjust 'Change on hand of one SKU in one physical warehouse, or many from a CSV file'
            cand verify 'Check that every level equals the sum of its ledger rows (exit 1 when not)'
            cand rebuild 'Recompute every level from the ledger'
            cand sync 'Set on hand to what fulfillment channels report (stock snapshots)'
            cand push 'Publish available stock to sales channels'
        }
        &'oms;help;stock;show'= {
        }
        &'oms;help;stock;history'= {
        }
        &'oms;help;stock;adjust'= {
        }
        &'oms;help;stock;verify'= {
        }
        &'oms;help;stock;rebuild'= {
        }
        &'oms;help;stock;sync'= {
        }
        &'oms;help;stock;push'= {
        }
        &'oms;help;orders'= {
            cand import 'Fetch new and changed orders from sales channels, or read them from a file (exit 3 when some were rejected)'
            cand rejects 'Orders that could not be imported, with every reason'
            cand list 'Orders, newest first'
            cand show 'One order: its lines, shipments with tracking, and its story'
            cand approve 'Approve draft orders so they can be processed'
            cand cancel 'Cancel orders: at once if nothing was sent to a warehouse, else by asking it'
            cand hold 'Put orders on hold: their units are reserved on the sales channel''s stock source until the hold ends (after --for / at --until, or by `oms orders release`)'
            cand release 'End holds by hand and process the released orders now'
            cand create 'Enter an order by hand; it starts as a draft'
            cand clone 'A new draft order with the same lines and address as order N'
            cand ship 'Mark what an order has at its warehouses shipped by hand (with the same stock effects and export to the shop as a warehouse''s confirmation)'
            cand process 'Allocate approved orders, create shipments and send them to the warehouses'
            cand export 'Report shipped lines, tracking and cancellations back to the sales channels'
        }
        &'oms;help;orders;import'= {
        }
        &'oms;help;orders;rejects'= {
        }
        &'oms;help;orders;list'= {
        }
        &'oms;help;orders;show'= {
        }
        &'oms;help;orders;approve'= {
        }
        &'oms;help;orders;cancel'= {
        }
        &'oms;help;orders;hold'= {
        }
        &'oms;help;orders;release'= {
        }
        &'oms;help;orders;create'= {
        }
        &'oms;help;orders;clone'= {
        }
        &'oms;help;orders;ship'= {
        }
        &'oms;help;orders;process'= {
        }
        &'oms;help;orders;export'= {
        }
        &'oms;help;shipments'= {
            cand list 'Shipments, newest first'
            cand show 'One shipment: lines, tracking and its story'
            cand sync 'Read shipment confirmations from fulfillment channels and apply them'
            cand send 'Send ready shipments and pending cancellation requests to fulfillment channels'
            cand cancel 'Cancel shipments: here if not yet sent, else by asking the warehouse'
            cand ship 'Mark shipments shipped by hand (as if the warehouse had confirmed them)'
            cand close 'Close short shipments for good: release the units kept for a later parcel'
        }
        &'oms;help;shipments;list'= {
        }
        &'oms;help;shipments;show'= {
        }
        &'oms;help;shipments;sync'= {
        }
        &'oms;help;shipments;send'= {
        }
        &'oms;help;shipments;cancel'= {
        }
        &'oms;help;shipments;ship'= {
        }
        &'oms;help;shipments;close'= {
        }
        &'oms;help;po'= {
            cand create 'Create a draft purchase order into one physical warehouse'
            cand edit 'Change a draft: supplier, expected date, note, lines'
            cand list 'List purchase orders'
            cand show 'One PO: lines with ordered/received/remaining, receipts, status story'
            cand approve 'Approve drafts: their quantities become incoming stock'
            cand export 'Send approved POs to the fulfillment channel of their warehouse (once each)'
            cand cancel 'Cancel a draft, or an approved PO with nothing received; releases its incoming stock'
            cand close 'Close a PO that is receiving, short; releases the incoming stock that never arrived'
        }
        &'oms;help;po;create'= {
        }
        &'oms;help;po;edit'= {
        }
        &'oms;help;po;list'= {
        }
        &'oms;help;po;show'= {
        }
        &'oms;help;po;approve'= {
        }
        &'oms;help;po;export'= {
        }
        &'oms;help;po;cancel'= {
        }
        &'oms;help;po;close'= {
        }
        &'oms;help;receipts'= {
            cand sync 'Read receipts from fulfillment channels: on hand up, incoming down, POs advance'
        }
        &'oms;help;receipts;sync'= {
        }
        &'oms;help;returns'= {
            cand create 'Authorize a return of units an order shipped: RMA-000001, `open`, units `returning`'
            cand list 'List RMAs, newest first'
            cand show 'One RMA: lines with what arrived and what became of it, and its story'
            cand receive 'Goods arrived: restock, quarantine or dispose of them, line by line'
            cand close 'Nothing more is coming back: what never arrived stops being `returning`'
            cand cancel 'End an RMA before anything arrived'
            cand sync 'Send RMAs to warehouses, apply what they report, import shop returns (docs/returns.md)'
        }
        &'oms;help;returns;create'= {
        }
        &'oms;help;returns;list'= {
        }
        &'oms;help;returns;show'= {
        }
        &'oms;help;returns;receive'= {
        }
        &'oms;help;returns;close'= {
        }
        &'oms;help;returns;cancel'= {
        }
        &'oms;help;returns;sync'= {
        }
        &'oms;help;run'= {
        }
        &'oms;help;status'= {
        }
        &'oms;help;rejects'= {
            cand dismiss 'Close rejections that can never be fixed; they stay in `oms rejects --all` with the reason'
        }
        &'oms;help;rejects;dismiss'= {
        }
        &'oms;help;runs'= {
            cand list 'The journal of runs: flow, channel, times, counts, outcome, error (newest first)'
        }
        &'oms;help;runs;list'= {
        }
        &'oms;help;rules'= {
            cand test 'Show every rule for an order: whether it matched, which condition failed, its effects'
        }
        &'oms;help;rules;test'= {
        }
        &'oms;help;channels'= {
            cand check 'Try each enabled channel''s connection and credentials with one cheap call'
        }
        &'oms;help;channels;check'= {
        }
        &'oms;help;demo'= {
        }
        &'oms;help;completions'= {
        }
        &'oms;help;man'= {
        }
        &'oms;help;help'= {
        }
    ]
    $completions[$command]
}
