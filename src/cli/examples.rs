//! The examples at the end of `--help` (not `-h`) of the main flows, as cargo shows them:
//! what a person types first, with a word on what it does.

pub const ORDERS_IMPORT: &str = "\
Examples:
  oms orders import                          # every sales channel: inboxes, shops
  oms orders import --channel web --dry-run  # what one channel would bring, nothing written
  oms orders import --file orders.csv --channel web   # a file, its layout read from its header
  oms orders import --since 2026-11-01       # read back from a date (Shopify)";

pub const ORDERS_PROCESS: &str = "\
Examples:
  oms orders process                  # allocate every approved order, or say why it waits
  oms orders process --dry-run        # the plan, nothing written
  oms orders process --order 12 --explain   # which warehouses were considered, and why";

pub const RUN: &str = "\
Examples:
  oms run                             # every flow in order; exit code = the worst outcome
  oms run -q                          # for cron: prints only warnings and problems
  oms run --only orders-import,orders-process
  oms run --skip stock-push --dry-run
  */10 * * * * cd /srv/shop && oms run -q --log-file oms.log   # a crontab line";

pub const SHIPMENTS_SEND: &str = "\
Examples:
  oms shipments send                  # send every ready shipment to its warehouse
  oms shipments send --dry-run        # what would be sent, nothing sent or written
  oms shipments send --channel east-3pl";

pub const SHIPMENTS_SYNC: &str = "\
Examples:
  oms shipments sync                  # read what the warehouses shipped (tracking numbers)
  oms shipments sync --channel east-3pl --dry-run";

pub const STOCK_SHOW: &str = "\
Examples:
  oms stock show                      # every SKU with stock, per warehouse
  oms stock show --sku 'TEE-*' --warehouse east
  oms stock show -o csv > stock.csv";

pub const STOCK_ADJUST: &str = "\
Examples:
  oms stock adjust --warehouse east --sku TEE-BLK-M --by -2 --reason damaged
  oms stock adjust --warehouse east --sku TEE-BLK-M --set 40 --reason count --note 'shelf count'
  oms stock adjust --file counts.csv --dry-run    # many at once, checked first";

pub const STOCK_PUSH: &str = "\
Examples:
  oms stock push                      # publish what changed to every sales channel
  oms stock push --channel web --full --dry-run   # every SKU, shown, not sent";

pub const CATALOG_SYNC: &str = "\
Examples:
  oms catalog sync                    # import from catalog.master, push to the others
  oms catalog sync --dry-run          # what would be imported and pushed
  oms catalog sync --channel shop --full";

pub const STATUS: &str = "\
Examples:
  oms status                          # what needs a person, and the last runs
  oms status --check                  # exit 1 when something does (for monitoring)
  oms status -o json";
