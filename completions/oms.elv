
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand shipments 'Shipments to warehouses'
            cand orders-process 'Allocate approved orders, create shipments and send them (becomes `orders process`)'
            cand runs 'The journal of runs'
            cand completions 'Print a shell completion script'
            cand man 'Print or write the man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;init'= {
            cand --warehouse 'Code of the first physical warehouse'
            cand --sales-channel 'Code of the first sales channel (a `files` folder to start with)'
            cand --fulfillment-channel 'Code of the warehouse''s fulfillment channel (a `files` folder to start with)'
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;config;check'= {
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;config;help;check'= {
        }
        &'oms;config;help;show'= {
        }
        &'oms;config;help;help'= {
        }
        &'oms;warehouses'= {
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;catalog;add'= {
            cand --sku 'The variant''s SKU (case and surrounding spaces ignored when matching)'
            cand --product 'Product handle the variant belongs to (default: derived from the title or SKU); with `edit`, moves the variant to that product'
            cand --title 'Product title'
            cand --variant-title 'Variant title (default: the option values joined with " / ")'
            cand --vendor 'vendor'
            cand --type 'type'
            cand --tags 'Product tags, comma-separated'
            cand --description 'Product description (HTML allowed)'
            cand --status 'status'
            cand --price 'Price, e.g. 19.99'
            cand --barcode 'Barcode (kept as text: leading zeros matter)'
            cand --weight-grams 'weight-grams'
            cand --option1 'option1'
            cand --option2 'option2'
            cand --option3 'option3'
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --vendor 'vendor'
            cand --type 'type'
            cand --tags 'Product tags, comma-separated'
            cand --description 'Product description (HTML allowed)'
            cand --status 'status'
            cand --price 'Price, e.g. 19.99'
            cand --barcode 'Barcode (kept as text: leading zeros matter)'
            cand --weight-grams 'weight-grams'
            cand --option1 'option1'
            cand --option2 'option2'
            cand --option3 'option3'
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --format 'format'
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --format 'format'
            cand --file 'Write to this file (atomically) instead of stdout'
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
        &'oms;catalog;help'= {
            cand add 'Add a variant (and its product when new)'
            cand edit 'Change a variant or its product; only the fields given change'
            cand list 'List variants'
            cand show 'Show one variant with its product'
            cand import 'Import products from a file (exit 3 when some rows were rejected)'
            cand export 'Export the catalog to stdout or a file'
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
        &'oms;catalog;help;help'= {
        }
        &'oms;stock'= {
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;stock;show'= {
            cand --sku 'Only this SKU (`*` matches any text)'
            cand --warehouse 'Only these warehouses, physical or virtual (repeatable)'
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --reason 'Why stock changed [default: other]'
            cand --note 'Free text kept in the ledger row'
            cand --file 'Many adjustments from a CSV file: warehouse,sku,by,set,reason,note (docs/stock-adjustments.md)'
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
            cand --db 'Database file, overriding the config''s `database`'
            cand -o 'Output format: tables for people, json/ndjson/csv for machines'
            cand --output 'Output format: tables for people, json/ndjson/csv for machines'
            cand --color 'Colour in tables and messages [NO_COLOR is honoured]'
            cand --log-file 'Append structured (JSON) log lines to this file'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
        &'oms;stock;help'= {
            cand show 'Levels per warehouse and SKU (virtual warehouses show their members'' sums)'
            cand history 'The stock ledger, newest first'
            cand adjust 'Change on hand of one SKU in one physical warehouse, or many from a CSV file'
            cand verify 'Check that every level equals the sum of its ledger rows (exit 1 when not)'
            cand rebuild 'Recompute every level from the ledger'
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
        &'oms;stock;help;help'= {
        }
        &'oms;shipments'= {
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;shipments;list'= {
            cand --status 'status'
            cand --channel 'Only shipments of this fulfillment channel'
            cand --warehouse 'warehouse'
            cand --limit 'limit'
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
        &'oms;shipments;help;help'= {
        }
        &'oms;orders-process'= {
            cand --channel 'Only orders of this sales channel'
            cand --order 'Only these orders (repeatable)'
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
        &'oms;runs'= {
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --flow 'Only runs of this flow, e.g. "orders import"'
            cand --limit 'limit'
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
        &'oms;completions'= {
            cand --dir 'Write scripts for every shell into this folder instead'
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand --config 'Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]'
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
            cand shipments 'Shipments to warehouses'
            cand orders-process 'Allocate approved orders, create shipments and send them (becomes `orders process`)'
            cand runs 'The journal of runs'
            cand completions 'Print a shell completion script'
            cand man 'Print or write the man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'oms;help;init'= {
        }
        &'oms;help;config'= {
            cand check 'Validate the config; every mistake is named with file, line and key (exit 2)'
            cand show 'Print the effective config with secrets redacted'
        }
        &'oms;help;config;check'= {
        }
        &'oms;help;config;show'= {
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
        &'oms;help;stock'= {
            cand show 'Levels per warehouse and SKU (virtual warehouses show their members'' sums)'
            cand history 'The stock ledger, newest first'
            cand adjust 'Change on hand of one SKU in one physical warehouse, or many from a CSV file'
            cand verify 'Check that every level equals the sum of its ledger rows (exit 1 when not)'
            cand rebuild 'Recompute every level from the ledger'
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
        &'oms;help;shipments'= {
            cand list 'Shipments, newest first'
            cand show 'One shipment: lines, tracking and its story'
            cand sync 'Read shipment confirmations from fulfillment channels and apply them'
            cand send 'Send ready shipments and pending cancellation requests to fulfillment channels'
            cand cancel 'Cancel shipments: here if not yet sent, else by asking the warehouse'
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
        &'oms;help;orders-process'= {
        }
        &'oms;help;runs'= {
            cand list 'The journal of runs: flow, channel, times, counts, outcome, error (newest first)'
        }
        &'oms;help;runs;list'= {
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
