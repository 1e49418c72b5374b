//! [Get All Stream Tags](https://dev.twitch.tv/docs/api/reference#get-all-stream-tags) (deprecated by Twitch)

use http::Method;
use serde::{Deserialize, Serialize};

use super::StreamTag;
use crate::helix::endpoint::{check_first, check_max_len};
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::null_as_empty;
use crate::Error;

/// `get_all_stream_tags`: the stream tags Twitch defined, optionally filtered by id.
///
/// Deprecated by Twitch (channels now carry free-form `tags`) but still in its
/// reference; implemented as the seed documents it. Auth: app or user token
/// (today's reference; the seed asked for an app token).
/// Rules: `first` in 1..=100; at most 100 `tag_ids`; `first` is always sent
/// (default 20).
///
/// ```
/// use twitchapi_core::helix::{tags::GetAllStreamTags, Endpoint};
/// let req = GetAllStreamTags { tag_ids: vec!["a".into(), "b".into()], ..Default::default() };
/// assert_eq!(req.query().encode(), "tag_id=a&tag_id=b&first=20");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetAllStreamTags {
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
    /// Only these tags, at most 100 (query `tag_id`).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub tag_ids: Vec<String>,
}

impl Endpoint for GetAllStreamTags {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "tags/streams";
    const AUTH: Auth = Auth::Either(Scopes::NONE);
    const NAME: &'static str = "get_all_stream_tags";
    const PARAMS: &'static [&'static str] = &[
        "after: string",
        "first: integer, default 20",
        "tag_ids: [string]",
    ];
    type Response = Vec<StreamTag>;

    fn validate(&self) -> Result<(), Error> {
        check_first(self.first, 100)?;
        check_max_len("tag_ids", &self.tag_ids, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.list("tag_id", &self.tag_ids)
            .push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetAllStreamTags {
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
        let req = GetAllStreamTags::default();
        assert_contains_in_order(&query_of(&req), &documented_query("get-all-stream-tags", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/tags/streams?first=20");
        assert_eq!(body, None);
        let all = GetAllStreamTags {
            after: Some("c".into()),
            first: Some(100),
            tag_ids: vec!["621fb5bf-5498-4d8f-b4ac-db4d40d401bf".into(), "x".into()],
        };
        assert_eq!(
            build(&all).1,
            "/tags/streams?tag_id=621fb5bf-5498-4d8f-b4ac-db4d40d401bf&tag_id=x&first=100&after=c"
        );
        assert_eq!(all.auth(), Auth::Either(Scopes::NONE));
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetAllStreamTags>(&example_body("get-all-stream-tags", 0));
        let tag = &res.data[0];
        assert_eq!(tag.tag_id, "621fb5bf-5498-4d8f-b4ac-db4d40d401bf");
        assert!(!tag.is_auto);
        assert_eq!(tag.localization_names["en-us"], "1 Credit Clear");
        assert_eq!(tag.localization_names["de-de"], "Mit 1 Leben abschließen");
        assert_eq!(tag.localization_names.len(), 6);
        assert!(tag.localization_descriptions["en-us"].starts_with("For streams"));
        assert_eq!(res.cursor.as_deref(), Some("eyJiI..."));
    }

    #[test]
    fn rules() {
        for first in [0, 101] {
            assert_invalid(&GetAllStreamTags {
                first: Some(first),
                ..Default::default()
            });
        }
        for first in [1, 100] {
            let req = GetAllStreamTags {
                first: Some(first),
                ..Default::default()
            };
            assert!(req.validate().is_ok());
        }
        let ids = |n: usize| (0..n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert_invalid(&GetAllStreamTags {
            tag_ids: ids(101),
            ..Default::default()
        });
        let hundred = GetAllStreamTags {
            tag_ids: ids(100),
            ..Default::default()
        };
        assert!(hundred.validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetAllStreamTags =
            serde_json::from_str(r#"{"tag_ids":["t"],"after":null,"first":50}"#).unwrap();
        assert_eq!(req.tag_ids, vec!["t"]);
        assert_eq!(req.first, Some(50));
        assert!(serde_json::from_str::<GetAllStreamTags>(r#"{"tag_id":["t"]}"#).is_err());
    }
}
