//! [Get Extension Transactions](https://dev.twitch.tv/docs/api/reference#get-extension-transactions)

use http::Method;
use serde::{Deserialize, Serialize};

use super::ExtensionTransaction;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query};
use crate::Error;

/// `get_extension_transactions`: Bits purchases of an extension's products
/// across all of Twitch, newest first.
///
/// Auth: app token of the extension's owner. Rules: `extension_id` is not
/// empty; `first` in 1..=100. `first` is always sent (default 20).
///
/// ```
/// use twitchapi_core::helix::{extensions::GetExtensionTransactions, Endpoint};
/// let req = GetExtensionTransactions::new("1234");
/// assert_eq!(req.query().encode(), "extension_id=1234&first=20");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetExtensionTransactions {
    /// The extension's id.
    pub extension_id: String,
    /// Only this transaction (query `id`).
    #[serde(default)]
    pub transaction_id: Option<String>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
}

impl GetExtensionTransactions {
    /// The transactions of this extension.
    pub fn new(extension_id: impl Into<String>) -> Self {
        GetExtensionTransactions {
            extension_id: extension_id.into(),
            transaction_id: None,
            after: None,
            first: None,
        }
    }
}

impl Endpoint for GetExtensionTransactions {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "extensions/transactions";
    const AUTH: Auth = Auth::App;
    const NAME: &'static str = "get_extension_transactions";
    const PARAMS: &'static [&'static str] = &[
        "extension_id: string, required",
        "transaction_id: string",
        "after: string",
        "first: integer, default 20",
    ];
    type Response = Vec<ExtensionTransaction>;

    fn validate(&self) -> Result<(), Error> {
        if self.extension_id.is_empty() {
            return Err(Error::invalid("extension_id must not be empty"));
        }
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("extension_id", &self.extension_id)
            .opt("id", self.transaction_id.as_deref())
            .push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetExtensionTransactions {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = GetExtensionTransactions::new("1234");
        assert_contains_in_order(
            &query_of(&req),
            &documented_query("get-extension-transactions", 0),
        );
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/extensions/transactions?extension_id=1234&first=20");
        assert_eq!(body, None);
        let all = GetExtensionTransactions {
            transaction_id: Some("74c5".into()),
            after: Some("c".into()),
            first: Some(100),
            ..GetExtensionTransactions::new("1234")
        };
        assert_eq!(
            build(&all).1,
            "/extensions/transactions?extension_id=1234&id=74c5&first=100&after=c"
        );
        assert_eq!(all.auth(), Auth::App);
    }

    #[test]
    fn parses_documented_example() {
        let res =
            parse_ok::<GetExtensionTransactions>(&example_body("get-extension-transactions", 0));
        assert_eq!(res.data.len(), 2);
        let tx = &res.data[0];
        assert_eq!(tx.id, "74c52265-e214-48a6-91b9-23b6014e8041");
        assert_eq!(tx.timestamp.unix_timestamp(), 1548648953);
        assert_eq!(tx.timestamp.millisecond(), 325);
        assert_eq!(tx.broadcaster_login, "chikuseuma");
        assert_eq!(tx.user_name, "quotrok");
        assert_eq!(tx.product_type, "BITS_IN_EXTENSION");
        let product = &tx.product_data;
        assert_eq!(product.sku, "testSku100");
        assert_eq!(
            (product.cost.amount, product.cost.cost_type.as_str()),
            (100, "bits")
        );
        assert_eq!(product.display_name, "Test Product 100");
        assert!(!product.in_development && !product.broadcast);
        assert_eq!(product.expiration, "");
        assert_eq!(res.cursor.as_deref(), Some("cursorString"));
        let json = serde_json::to_value(tx).unwrap();
        assert_eq!(json["product_data"]["displayName"], "Test Product 100");
    }

    #[test]
    fn rules() {
        assert_invalid(&GetExtensionTransactions::new(""));
        for first in [0, 101] {
            assert_invalid(&GetExtensionTransactions {
                first: Some(first),
                ..GetExtensionTransactions::new("1")
            });
        }
        for first in [1, 100] {
            let req = GetExtensionTransactions {
                first: Some(first),
                ..GetExtensionTransactions::new("1")
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetExtensionTransactions =
            serde_json::from_str(r#"{"extension_id":"1","transaction_id":"t","first":null}"#)
                .unwrap();
        assert_eq!(req.transaction_id.as_deref(), Some("t"));
        assert!(
            serde_json::from_str::<GetExtensionTransactions>(r#"{"transaction_id":"t"}"#).is_err()
        );
        let unknown = r#"{"extension_id":"1","id":"t"}"#;
        assert!(serde_json::from_str::<GetExtensionTransactions>(unknown).is_err());
    }
}
