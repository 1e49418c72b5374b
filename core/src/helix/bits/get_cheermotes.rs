//! [Get Cheermotes](https://dev.twitch.tv/docs/api/reference#get-cheermotes)

use http::Method;
use serde::{Deserialize, Serialize};

use super::Cheermote;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::Error;

/// `get_cheermotes`: the Cheermotes usable in a broadcaster's chat (global ones
/// plus the broadcaster's own).
///
/// Auth: either token. Rule: `broadcaster_id` is required (the seed asks for
/// it) and not empty.
///
/// ```
/// use twitchapi_core::helix::{bits::GetCheermotes, Endpoint};
/// let req = GetCheermotes::new("41245072");
/// assert_eq!(req.query().encode(), "broadcaster_id=41245072");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetCheermotes {
    /// The broadcaster whose custom Cheermotes are included.
    pub broadcaster_id: String,
}

impl GetCheermotes {
    /// The Cheermotes of this broadcaster's chat.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetCheermotes {
            broadcaster_id: broadcaster_id.into(),
        }
    }
}

impl Endpoint for GetCheermotes {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "bits/cheermotes";
    const AUTH: Auth = Auth::Either(Scopes::All(&[]));
    const NAME: &'static str = "get_cheermotes";
    const PARAMS: &'static [&'static str] = &["broadcaster_id: string, required"];
    type Response = Vec<Cheermote>;

    fn validate(&self) -> Result<(), Error> {
        if self.broadcaster_id.is_empty() {
            return Err(Error::invalid("broadcaster_id must not be empty"));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id);
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = GetCheermotes::new("41245072");
        let documented = vector("get-cheermotes")["examples"][0]["requests"][1]["query"].clone();
        assert_eq!(
            documented,
            serde_json::json!([["broadcaster_id", "41245072"]])
        );
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/bits/cheermotes?broadcaster_id=41245072");
        assert_eq!(body, None);
        assert_eq!(req.auth(), Auth::Either(Scopes::All(&[])));
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetCheermotes>(&example_body("get-cheermotes", 0));
        let cheer = &res.data[0];
        assert_eq!(cheer.prefix, "Cheer");
        assert_eq!(cheer.cheermote_type, "global_first_party");
        assert_eq!(cheer.order, 1);
        assert_eq!(cheer.last_updated.unwrap().unix_timestamp(), 1526947564);
        assert!(!cheer.is_charitable);
        let tier = &cheer.tiers[0];
        assert_eq!((tier.min_bits, tier.id.as_str()), (1, "1"));
        assert_eq!(tier.color, "#979797");
        assert!(tier.can_cheer && tier.show_in_bits_card);
        assert_eq!(
            tier.images.dark.animated["1.5"],
            "https://d3aqoihi2n8ty8.cloudfront.net/actions/cheer/dark/animated/1/1.5.gif"
        );
        assert_eq!(tier.images.light.static_images.len(), 5);
        let json = serde_json::to_value(cheer).unwrap();
        assert_eq!(json["type"], "global_first_party");
        assert!(json["tiers"][0]["images"]["light"]["static"].is_object());
    }

    #[test]
    fn rules() {
        assert_invalid(&GetCheermotes::new(""));
        assert!(GetCheermotes::new("1").validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetCheermotes = serde_json::from_str(r#"{"broadcaster_id":"1"}"#).unwrap();
        assert_eq!(req, GetCheermotes::new("1"));
        assert!(serde_json::from_str::<GetCheermotes>("{}").is_err());
        assert!(serde_json::from_str::<GetCheermotes>(r#"{"broadcaster_id":"1","x":1}"#).is_err());
    }
}
