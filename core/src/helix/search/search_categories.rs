//! [Search Categories](https://dev.twitch.tv/docs/api/reference#search-categories)

use http::Method;
use serde::{Deserialize, Serialize};

use super::Category;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::Error;

/// `search_categories`: games and categories whose name matches `query`.
///
/// Auth: either token. Rules: `query` is not empty; `first` in 1..=100.
///
/// ```
/// use twitchapi_core::helix::{search::SearchCategories, Endpoint};
/// let req = SearchCategories::new("fort");
/// assert_eq!(req.query().encode(), "query=fort&first=20");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchCategories {
    /// The search text.
    pub query: String,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
}

impl SearchCategories {
    /// A search for this text with default paging.
    pub fn new(query: impl Into<String>) -> Self {
        SearchCategories {
            query: query.into(),
            first: None,
            after: None,
        }
    }
}

impl Endpoint for SearchCategories {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "search/categories";
    const AUTH: Auth = Auth::Either(Scopes::All(&[]));
    const NAME: &'static str = "search_categories";
    const PARAMS: &'static [&'static str] = &[
        "query: string, required",
        "first: integer, default 20",
        "after: string",
    ];
    type Response = Vec<Category>;

    fn validate(&self) -> Result<(), Error> {
        if self.query.is_empty() {
            return Err(Error::invalid("query must not be empty"));
        }
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("query", &self.query)
            .push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref());
        q
    }
}

impl crate::helix::Paginated for SearchCategories {
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
        let req = SearchCategories::new("fort");
        assert_contains_in_order(&query_of(&req), &documented_query("search-categories", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/search/categories?query=fort&first=20");
        assert_eq!(body, None);
        let paged = SearchCategories {
            first: Some(3),
            after: Some("c".into()),
            ..SearchCategories::new("just chatting")
        };
        assert_eq!(
            build(&paged).1,
            "/search/categories?query=just+chatting&first=3&after=c"
        );
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<SearchCategories>(&example_body("search-categories", 0));
        let category = &res.data[0];
        assert_eq!(category.id, "33214");
        assert_eq!(category.name, "Fortnite");
        assert!(category.box_art_url.ends_with("33214-52x72.jpg"));
        assert_eq!(res.cursor.as_deref(), Some("eyJiIjpudWxsLCJhIjp7IkN"));
    }

    #[test]
    fn rules() {
        assert_invalid(&SearchCategories::new(""));
        for first in [0, 101] {
            assert_invalid(&SearchCategories {
                first: Some(first),
                ..SearchCategories::new("q")
            });
        }
        for first in [1, 100] {
            let req = SearchCategories {
                first: Some(first),
                ..SearchCategories::new("q")
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: SearchCategories = serde_json::from_str(r#"{"query":"fort","first":5}"#).unwrap();
        assert_eq!(req.query, "fort");
        assert_eq!(req.first, Some(5));
        assert!(
            serde_json::from_str::<SearchCategories>(r#"{"query":"f","live_only":true}"#).is_err()
        );
    }
}
