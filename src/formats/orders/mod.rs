//! Order files: oms-csv, oms-json and Shopify's orders export CSV.
