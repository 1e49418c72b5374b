//! [Update Custom Reward](https://dev.twitch.tv/docs/api/reference#update-custom-reward)

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::reward_fields::RewardFields;
use super::{not_found, CustomReward};
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `update_custom_reward`: changes a Custom Reward the same client created.
///
/// Auth: user token of the broadcaster with `channel:manage:redemptions`.
/// Only the fields that are set are sent (a PATCH: Twitch keeps the others, as
/// in its documented requests that change one field); the seed's `title`,
/// `prompt` and `cost` are therefore optional here, and its boolean defaults are
/// not resent. Rules: those of [`super::CreateCustomReward`] for the given
/// fields, and at least one field to change. A reward that does not exist is
/// [`Error::NotFound`] with Twitch's message.
///
/// ```
/// use twitchapi_core::helix::{channel_points::UpdateCustomReward, Endpoint};
/// let mut req = UpdateCustomReward::new("274637212", "92af127c");
/// req.is_enabled = Some(false);
/// assert_eq!(req.query().encode(), "broadcaster_id=274637212&id=92af127c");
/// assert_eq!(req.body(), Some(serde_json::json!({"is_enabled": false})));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateCustomReward {
    /// The broadcaster's user id (query `broadcaster_id`).
    pub broadcaster_id: String,
    /// The reward's id (query `id`).
    pub reward_id: String,
    /// New title, 1 to 45 characters.
    #[serde(default)]
    pub title: Option<String>,
    /// New prompt, at most 200 characters.
    #[serde(default)]
    pub prompt: Option<String>,
    /// New cost in Channel Points, at least 1.
    #[serde(default)]
    pub cost: Option<u64>,
    /// Whether viewers see the reward.
    #[serde(default)]
    pub is_enabled: Option<bool>,
    /// Background color, `#RRGGBB`.
    #[serde(default)]
    pub background_color: Option<String>,
    /// Whether the viewer must enter text.
    #[serde(default)]
    pub is_user_input_required: Option<bool>,
    /// Whether `max_per_stream` applies.
    #[serde(default)]
    pub is_max_per_stream_enabled: Option<bool>,
    /// Redemptions per stream, at least 1.
    #[serde(default)]
    pub max_per_stream: Option<u64>,
    /// Whether `max_per_user_per_stream` applies.
    #[serde(default)]
    pub is_max_per_user_per_stream_enabled: Option<bool>,
    /// Redemptions per user per stream, at least 1.
    #[serde(default)]
    pub max_per_user_per_stream: Option<u64>,
    /// Whether `global_cooldown_seconds` applies.
    #[serde(default)]
    pub is_global_cooldown_enabled: Option<bool>,
    /// Cooldown in seconds, at least 1.
    #[serde(default)]
    pub global_cooldown_seconds: Option<u64>,
    /// Whether redemptions are fulfilled at once.
    #[serde(default)]
    pub should_redemptions_skip_request_queue: Option<bool>,
}

impl UpdateCustomReward {
    /// An update of this reward that changes nothing yet; set at least one field.
    pub fn new(broadcaster_id: impl Into<String>, reward_id: impl Into<String>) -> Self {
        UpdateCustomReward {
            broadcaster_id: broadcaster_id.into(),
            reward_id: reward_id.into(),
            title: None,
            prompt: None,
            cost: None,
            is_enabled: None,
            background_color: None,
            is_user_input_required: None,
            is_max_per_stream_enabled: None,
            max_per_stream: None,
            is_max_per_user_per_stream_enabled: None,
            max_per_user_per_stream: None,
            is_global_cooldown_enabled: None,
            global_cooldown_seconds: None,
            should_redemptions_skip_request_queue: None,
        }
    }

    fn fields(&self) -> RewardFields<'_> {
        RewardFields {
            title: self.title.as_deref(),
            prompt: self.prompt.as_deref(),
            cost: self.cost,
            is_enabled: self.is_enabled,
            background_color: self.background_color.as_deref(),
            is_user_input_required: self.is_user_input_required,
            is_max_per_stream_enabled: self.is_max_per_stream_enabled,
            max_per_stream: self.max_per_stream,
            is_max_per_user_per_stream_enabled: self.is_max_per_user_per_stream_enabled,
            max_per_user_per_stream: self.max_per_user_per_stream,
            is_global_cooldown_enabled: self.is_global_cooldown_enabled,
            global_cooldown_seconds: self.global_cooldown_seconds,
            should_redemptions_skip_request_queue: self.should_redemptions_skip_request_queue,
        }
    }
}

impl Endpoint for UpdateCustomReward {
    const METHOD: Method = Method::PATCH;
    const PATH: &'static str = "channel_points/custom_rewards";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ChannelManageRedemptions]));
    const NAME: &'static str = "update_custom_reward";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "reward_id: string, required",
        "title: string",
        "prompt: string",
        "cost: integer",
        "is_enabled: boolean",
        "background_color: string",
        "is_user_input_required: boolean",
        "is_max_per_stream_enabled: boolean",
        "max_per_stream: integer",
        "is_max_per_user_per_stream_enabled: boolean",
        "max_per_user_per_stream: integer",
        "is_global_cooldown_enabled: boolean",
        "global_cooldown_seconds: integer",
        "should_redemptions_skip_request_queue: boolean",
    ];
    type Response = Vec<CustomReward>;

    fn validate(&self) -> Result<(), Error> {
        let fields = self.fields();
        fields.validate()?;
        if fields
            .body()
            .as_object()
            .is_some_and(|body| body.is_empty())
        {
            return Err(Error::invalid(
                "at least one reward field to change is required",
            ));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .push("id", &self.reward_id);
        q
    }

    fn body(&self) -> Option<Value> {
        Some(self.fields().body())
    }

    fn map_error(status: StatusCode, message: &str) -> Option<Error> {
        not_found(status, message)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::assert_404_not_found;
    use super::*;
    use crate::helix::test_util::*;
    use serde_json::json;

    fn reward() -> UpdateCustomReward {
        UpdateCustomReward::new("274637212", "92af127c-7326-4483-a52b-b0da0be61c01")
    }

    #[test]
    fn builds_documented_requests() {
        let doc = vector("update-custom-reward");
        let disable = UpdateCustomReward {
            is_enabled: Some(false),
            ..reward()
        };
        let retitle = UpdateCustomReward {
            title: Some("game analysis 2v2".into()),
            ..reward()
        };
        for (n, req) in [disable, retitle].iter().enumerate() {
            assert_eq!(query_of(req), documented_query("update-custom-reward", n));
            let (method, path, body) = build(req);
            assert_eq!(method, "PATCH");
            assert_eq!(
                path,
                "/channel_points/custom_rewards?broadcaster_id=274637212\
                 &id=92af127c-7326-4483-a52b-b0da0be61c01"
            );
            assert_eq!(
                body.as_ref(),
                Some(&doc["examples"][n]["requests"][0]["body"])
            );
        }
        let several = UpdateCustomReward {
            cost: Some(10),
            prompt: Some(String::new()),
            is_global_cooldown_enabled: Some(true),
            global_cooldown_seconds: Some(60),
            ..reward()
        };
        assert_eq!(
            build(&several).2,
            Some(
                json!({"cost": 10, "prompt": "", "is_global_cooldown_enabled": true,
                "global_cooldown_seconds": 60})
            )
        );
    }

    #[test]
    fn parses_documented_examples() {
        let res = parse_ok::<UpdateCustomReward>(&example_body("update-custom-reward", 0));
        let reward = &res.data[0];
        assert!(!reward.is_enabled && !reward.is_in_stock);
        assert!(reward.max_per_stream_setting.is_enabled);
        assert_eq!(reward.max_per_stream_setting.max_per_stream, 60);
        assert_eq!(reward.redemptions_redeemed_current_stream, Some(60));
        assert!(reward.should_redemptions_skip_request_queue);
        let res = parse_ok::<UpdateCustomReward>(&example_body("update-custom-reward", 1));
        assert_eq!(res.data[0].title, "game analysis 2v2");
        assert_eq!(res.data[0].background_color, "");
        let body = br#"{"data":[{"broadcaster_id":"1","id":"r","image":{"url_1x":"a",
            "url_2x":"b","url_4x":"c"},"default_image":null,"max_per_stream_setting":null,
            "cooldown_expires_at":"2021-03-10T15:04:21Z","future_field":1}]}"#;
        let reward = &parse_ok::<UpdateCustomReward>(body).data[0];
        assert_eq!(reward.image.as_ref().unwrap().url_2x, "b");
        assert_eq!(
            reward.cooldown_expires_at.unwrap().unix_timestamp(),
            1615388661
        );
    }

    #[test]
    fn not_found_carries_message() {
        assert_404_not_found::<UpdateCustomReward>();
    }

    #[test]
    fn rules() {
        assert_invalid(&reward());
        let cases = [
            UpdateCustomReward {
                is_max_per_stream_enabled: Some(true),
                ..reward()
            },
            UpdateCustomReward {
                is_max_per_user_per_stream_enabled: Some(true),
                ..reward()
            },
            UpdateCustomReward {
                is_global_cooldown_enabled: Some(true),
                ..reward()
            },
            UpdateCustomReward {
                title: Some(String::new()),
                ..reward()
            },
            UpdateCustomReward {
                title: Some("x".repeat(46)),
                ..reward()
            },
            UpdateCustomReward {
                prompt: Some("p".repeat(201)),
                ..reward()
            },
            UpdateCustomReward {
                cost: Some(0),
                ..reward()
            },
            UpdateCustomReward {
                background_color: Some("#GGGGGG".into()),
                ..reward()
            },
            UpdateCustomReward {
                max_per_stream: Some(0),
                ..reward()
            },
            UpdateCustomReward {
                max_per_user_per_stream: Some(0),
                ..reward()
            },
            UpdateCustomReward {
                global_cooldown_seconds: Some(0),
                ..reward()
            },
        ];
        for case in &cases {
            assert_invalid(case);
        }
        let boundaries = UpdateCustomReward {
            title: Some("x".repeat(45)),
            prompt: Some("p".repeat(200)),
            cost: Some(1),
            is_max_per_stream_enabled: Some(true),
            max_per_stream: Some(1),
            is_global_cooldown_enabled: Some(false),
            ..reward()
        };
        assert!(boundaries.validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: UpdateCustomReward = serde_json::from_str(
            r#"{"broadcaster_id":"1","reward_id":"r","title":"t","prompt":"p","cost":5,
                "is_enabled":true,"background_color":null}"#,
        )
        .unwrap();
        assert_eq!(req.cost, Some(5));
        assert_eq!(req.background_color, None);
        let unknown = r#"{"broadcaster_id":"1","reward_id":"r","id":"r"}"#;
        assert!(serde_json::from_str::<UpdateCustomReward>(unknown).is_err());
    }
}
