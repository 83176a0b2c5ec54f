//! Product files: oms-csv and Shopify's products CSV.
