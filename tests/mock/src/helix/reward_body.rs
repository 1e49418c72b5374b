//! The JSON body of Create / Update Custom Reward and its rules.

use serde::Deserialize;

use crate::errors::ApiError;
use crate::model::CustomReward;

const MAX_TITLE: usize = 45;
const MAX_PROMPT: usize = 200;
const MAX_COOLDOWN: i64 = 604_800;

/// Every settable field; absent (or `null`) fields stay unchanged.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct RewardBody {
    title: Option<String>,
    prompt: Option<String>,
    cost: Option<i64>,
    is_enabled: Option<bool>,
    background_color: Option<String>,
    is_user_input_required: Option<bool>,
    is_max_per_stream_enabled: Option<bool>,
    max_per_stream: Option<i64>,
    is_max_per_user_per_stream_enabled: Option<bool>,
    max_per_user_per_stream: Option<i64>,
    is_global_cooldown_enabled: Option<bool>,
    global_cooldown_seconds: Option<i64>,
    is_paused: Option<bool>,
    should_redemptions_skip_request_queue: Option<bool>,
}

fn bad(message: &str) -> ApiError {
    ApiError::bad_request(message)
}

fn is_color(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

fn at_least_one(value: Option<i64>, name: &str, max: i64) -> Result<Option<u64>, ApiError> {
    match value {
        None => Ok(None),
        Some(n) if (1..=max).contains(&n) => Ok(Some(n as u64)),
        Some(_) => Err(ApiError::bad_request(format!(
            "The {name} must be between 1 and {max}"
        ))),
    }
}

impl RewardBody {
    /// The new title, if any.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Checks the values given; `creating` also requires `title` and `cost`.
    pub fn validate(&self, creating: bool) -> Result<(), ApiError> {
        if creating && self.title.is_none() {
            return Err(bad("Missing required field \"title\""));
        }
        if creating && self.cost.is_none() {
            return Err(bad("Missing required field \"cost\""));
        }
        if let Some(title) = &self.title {
            let len = title.chars().count();
            if len == 0 || len > MAX_TITLE {
                return Err(bad("The title must be 1 to 45 characters long"));
            }
        }
        if self
            .prompt
            .as_ref()
            .is_some_and(|p| p.chars().count() > MAX_PROMPT)
        {
            return Err(bad("The prompt may not be longer than 200 characters"));
        }
        if self.cost.is_some_and(|c| c < 1) {
            return Err(bad("The cost must be at least 1"));
        }
        if let Some(color) = &self.background_color {
            if !is_color(color) {
                return Err(bad("The background_color must be a hex color like #00E5CB"));
            }
        }
        at_least_one(self.max_per_stream, "max_per_stream", i64::MAX)?;
        at_least_one(
            self.max_per_user_per_stream,
            "max_per_user_per_stream",
            i64::MAX,
        )?;
        at_least_one(
            self.global_cooldown_seconds,
            "global_cooldown_seconds",
            MAX_COOLDOWN,
        )?;
        Ok(())
    }

    /// Applies the (validated) values; 400 when a limit is enabled without its number.
    pub fn apply(self, reward: &mut CustomReward) -> Result<(), ApiError> {
        let big = i64::MAX;
        if let Some(title) = self.title {
            reward.title = title;
        }
        if let Some(prompt) = self.prompt {
            reward.prompt = prompt;
        }
        if let Some(cost) = self.cost {
            reward.cost = cost.max(1) as u64;
        }
        if let Some(color) = self.background_color {
            reward.background_color = color.to_uppercase();
        }
        let flags = [
            (self.is_enabled, &mut reward.is_enabled),
            (
                self.is_user_input_required,
                &mut reward.is_user_input_required,
            ),
            (self.is_paused, &mut reward.is_paused),
            (
                self.should_redemptions_skip_request_queue,
                &mut reward.should_redemptions_skip_request_queue,
            ),
            (
                self.is_max_per_stream_enabled,
                &mut reward.max_per_stream_setting.is_enabled,
            ),
            (
                self.is_max_per_user_per_stream_enabled,
                &mut reward.max_per_user_per_stream_setting.is_enabled,
            ),
            (
                self.is_global_cooldown_enabled,
                &mut reward.global_cooldown_setting.is_enabled,
            ),
        ];
        for (value, field) in flags {
            if let Some(value) = value {
                *field = value;
            }
        }
        let stream = &mut reward.max_per_stream_setting;
        if let Some(n) = at_least_one(self.max_per_stream, "max_per_stream", big)? {
            stream.max_per_stream = n;
        }
        if stream.is_enabled && stream.max_per_stream == 0 {
            return Err(bad(
                "The max_per_stream field is required when is_max_per_stream_enabled is true",
            ));
        }
        let user = &mut reward.max_per_user_per_stream_setting;
        let per_user = self.max_per_user_per_stream;
        if let Some(n) = at_least_one(per_user, "max_per_user_per_stream", big)? {
            user.max_per_user_per_stream = n;
        }
        if user.is_enabled && user.max_per_user_per_stream == 0 {
            return Err(bad(
                "The max_per_user_per_stream field is required when is_max_per_user_per_stream_enabled is true",
            ));
        }
        let cooldown = &mut reward.global_cooldown_setting;
        let seconds = self.global_cooldown_seconds;
        if let Some(n) = at_least_one(seconds, "global_cooldown_seconds", MAX_COOLDOWN)? {
            cooldown.global_cooldown_seconds = n;
        }
        if cooldown.is_enabled && cooldown.global_cooldown_seconds == 0 {
            return Err(bad(
                "The global_cooldown_seconds field is required when is_global_cooldown_enabled is true",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(json: &str) -> RewardBody {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn rules() {
        assert!(body(r#"{"title":"a","cost":1}"#).validate(true).is_ok());
        assert!(body(r#"{"cost":1}"#).validate(true).is_err());
        assert!(body(r#"{"title":"a"}"#).validate(true).is_err());
        assert!(body(r#"{}"#).validate(false).is_ok());
        let long = "x".repeat(46);
        assert!(body(&format!(r#"{{"title":"{long}"}}"#))
            .validate(false)
            .is_err());
        assert!(body(r#"{"cost":0}"#).validate(false).is_err());
        assert!(body(r##"{"background_color":"#12345G"}"##)
            .validate(false)
            .is_err());
        assert!(body(r##"{"background_color":"#a1b2c3"}"##)
            .validate(false)
            .is_ok());
        assert!(body(r#"{"max_per_stream":0}"#).validate(false).is_err());
    }
}
