//! Status enums and the transitions SPEC §3 allows. Stored as their snake_case names.

use std::fmt;
use std::str::FromStr;

macro_rules! status_enum {
    ($name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s.trim())
                    .ok_or_else(|| {
                        let known: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                        format!("unknown status `{s}` (one of: {})", known.join(", "))
                    })
            }
        }
    };
}

status_enum!(OrderStatus {
    Draft => "draft",
    Approved => "approved",
    OnHold => "on_hold",
    Fulfilling => "fulfilling",
    PartiallyFulfilled => "partially_fulfilled",
    Shipped => "shipped",
    ShortShipped => "short_shipped",
    CancelRequested => "cancel_requested",
    Cancelled => "cancelled",
});

status_enum!(ShipmentStatus {
    ReadyToSend => "ready_to_send",
    SentToWarehouse => "sent_to_warehouse",
    Shipped => "shipped",
    ShortShipped => "short_shipped",
    CancelRequested => "cancel_requested",
    Cancelled => "cancelled",
});

status_enum!(PoStatus {
    Draft => "draft",
    Approved => "approved",
    Receiving => "receiving",
    Received => "received",
    Cancelled => "cancelled",
    Closed => "closed",
});

status_enum!(ReceiptStatus {
    ShortReceived => "short_received",
    Received => "received",
});

// An RMA (docs/returns.md): `open` until every unit arrived (`received`), closed short by
// hand (`closed`), or cancelled before anything arrived (`cancelled`).
status_enum!(ReturnStatus {
    Open => "open",
    Received => "received",
    Closed => "closed",
    Cancelled => "cancelled",
});

/// For report rows built with `..Default::default()`; every stored RMA has its own.
impl Default for ReturnStatus {
    fn default() -> Self {
        ReturnStatus::Open
    }
}

impl OrderStatus {
    pub fn is_final(self) -> bool {
        matches!(self, Self::Shipped | Self::ShortShipped | Self::Cancelled)
    }

    /// Whether an order may still be cancelled here without asking a warehouse.
    pub fn cancellable(self) -> bool {
        matches!(self, Self::Draft | Self::Approved | Self::OnHold)
    }
}

impl ShipmentStatus {
    pub fn is_final(self) -> bool {
        matches!(self, Self::Shipped | Self::ShortShipped | Self::Cancelled)
    }

    /// Statuses in which the shipment still holds an allocation.
    pub fn holds_allocation(self) -> bool {
        matches!(
            self,
            Self::ReadyToSend | Self::SentToWarehouse | Self::CancelRequested
        )
    }
}

impl PoStatus {
    pub fn is_final(self) -> bool {
        matches!(self, Self::Received | Self::Cancelled | Self::Closed)
    }

    /// Statuses in which the PO's unreceived quantities count as incoming.
    pub fn expects_stock(self) -> bool {
        matches!(self, Self::Approved | Self::Receiving)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_through_text() {
        for s in OrderStatus::ALL {
            assert_eq!(s.as_str().parse::<OrderStatus>(), Ok(*s));
        }
        for s in ShipmentStatus::ALL {
            assert_eq!(s.as_str().parse::<ShipmentStatus>(), Ok(*s));
        }
        for s in PoStatus::ALL {
            assert_eq!(s.as_str().parse::<PoStatus>(), Ok(*s));
        }
        for s in ReceiptStatus::ALL {
            assert_eq!(s.as_str().parse::<ReceiptStatus>(), Ok(*s));
        }
        assert!("shipping".parse::<OrderStatus>().is_err());
    }

    #[test]
    fn final_statuses() {
        assert!(OrderStatus::Shipped.is_final());
        assert!(!OrderStatus::Fulfilling.is_final());
        assert!(ShipmentStatus::CancelRequested.holds_allocation());
        assert!(!ShipmentStatus::Shipped.holds_allocation());
        assert!(PoStatus::Receiving.expects_stock());
    }
}
