//! The interpreter of the table: reads the arguments of a call (a JSON
//! object with the seed's parameter names) as an endpoint's [`Spec`] says,
//! checks its rules and gives the query, the body and the token it needs.

use serde_json::{Map, Value};
use time::OffsetDateTime;
use twitchapi_core::helix::{datetime_arg, Auth, Query, Scopes};
use twitchapi_core::Error;

use super::{Absent, Body, Kind, Out, Presence, Rule, Spec};

/// One argument's value, as its kind reads it.
#[derive(Debug, Clone, PartialEq)]
enum Val<'a> {
    Str(&'a str),
    Strs(Vec<&'a str>),
    Num(u64),
    Bool(bool),
    Time(OffsetDateTime),
    Json(&'a Value),
}

/// The arguments of one call, read and checked.
#[derive(Debug)]
pub struct Args<'a> {
    spec: &'static Spec,
    values: Vec<Option<Val<'a>>>,
}

/// What a call sends: its query, its JSON body, and whether it needs the
/// token's own user (see [`Spec::own_user_unless`]).
#[derive(Debug)]
pub struct Parts {
    /// The query, in the table's order.
    pub query: Query,
    /// The JSON body, when the endpoint sends one.
    pub body: Option<Value>,
    /// True when the call needs a user token instead of the endpoint's usual one.
    pub own_user: bool,
}

fn invalid(message: String) -> Error {
    Error::invalid(message)
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn expected(kind: Kind) -> String {
    if let Kind::Enum(names) = kind {
        return format!("one of {}", names.join(", "));
    }
    let text = match kind {
        Kind::Str => "a string",
        Kind::Strs => "an array of strings",
        Kind::U32 => "a whole number from 0 to 4294967295",
        Kind::U64 => "a whole number from 0",
        Kind::Id => "a numeric id (a number or a string of digits)",
        Kind::Bool => "true or false",
        Kind::Enum(_) => "",
        Kind::Time => {
            "an RFC 3339 datetime like 2021-01-01T00:00:00Z (an offset may be left out for UTC)"
        }
        Kind::Json => "a JSON value",
    };
    text.to_owned()
}

/// A refused value as an error message shows it: a number, boolean or short
/// string as it is, anything else by its type.
fn shown(value: &Value) -> String {
    match value {
        Value::Bool(_) | Value::Number(_) => value.to_string(),
        Value::String(s) if s.chars().count() <= 40 => format!("{s:?}"),
        other => type_name(other).to_owned(),
    }
}

/// Reads one value of `kind` (`None`: not of that kind); `Some(None)` for a
/// datetime given as `""`.
fn value_of(kind: Kind, value: &Value) -> Option<Option<Val<'_>>> {
    let read = match (kind, value) {
        (Kind::Str, Value::String(s)) => Val::Str(s),
        (Kind::Strs, Value::Array(items)) => Val::Strs(
            items
                .iter()
                .map(Value::as_str)
                .collect::<Option<Vec<&str>>>()?,
        ),
        (Kind::U32, Value::Number(n)) => {
            Val::Num(n.as_u64().filter(|&n| n <= u64::from(u32::MAX))?)
        }
        (Kind::U64 | Kind::Id, Value::Number(n)) => Val::Num(n.as_u64()?),
        (Kind::Id, Value::String(s)) => Val::Num(s.parse().ok()?),
        (Kind::Bool, Value::Bool(b)) => Val::Bool(*b),
        (Kind::Enum(names), Value::String(s)) if names.contains(&s.as_str()) => Val::Str(s),
        (Kind::Time, Value::String(s)) if s.is_empty() => return Some(None),
        (Kind::Time, Value::String(s)) => Val::Time(datetime_arg(s)?),
        (Kind::Json, value) => Val::Json(value),
        _ => return None,
    };
    Some(Some(read))
}

/// Reads `args` (the arguments as one JSON value) as `spec` says.
///
/// # Errors
///
/// [`Error::InvalidArgument`] when `args` is not an object, has a key the
/// endpoint does not take, lacks a required argument, holds a value of the
/// wrong kind, or breaks one of the rules.
pub fn read<'a>(name: &str, spec: &'static Spec, args: &'a Value) -> Result<Args<'a>, Error> {
    let Value::Object(map) = args else {
        return Err(invalid(format!(
            "{name} takes an object of parameters, not {}",
            type_name(args)
        )));
    };
    if let Some(key) = map
        .keys()
        .find(|key| !spec.params.iter().any(|p| p.name == key.as_str()))
    {
        let names: Vec<&str> = spec.params.iter().map(|p| p.name).collect();
        return Err(invalid(format!(
            "{name}: unknown parameter {key:?}, expected one of: {}",
            names.join(", ")
        )));
    }
    let mut values = Vec::with_capacity(spec.params.len());
    for param in spec.params {
        let value = match (map.get(param.name), param.presence) {
            (None | Some(Value::Null), Presence::Required) => {
                return Err(invalid(format!("{name}: {} is required", param.name)));
            }
            (None, Presence::Present) => {
                return Err(invalid(format!("{name}: {} is required", param.name)));
            }
            (Some(Value::Null), Presence::NotNull) => {
                return Err(invalid(format!("{name}: {} must not be null", param.name)));
            }
            (None | Some(Value::Null), _) => None,
            (Some(value), _) => value_of(param.kind, value).ok_or_else(|| {
                invalid(format!(
                    "{name}: {} must be {}, got {}",
                    param.name,
                    expected(param.kind),
                    shown(value)
                ))
            })?,
        };
        values.push(value);
    }
    let args = Args { spec, values };
    for rule in spec.rules {
        args.check(rule)?;
    }
    Ok(args)
}

impl<'a> Args<'a> {
    fn get(&self, name: &str) -> Option<&Val<'a>> {
        let index = self.spec.params.iter().position(|p| p.name == name)?;
        self.values.get(index)?.as_ref()
    }

    fn given(&self, name: &str) -> bool {
        match self.get(name) {
            Some(Val::Strs(list)) => !list.is_empty(),
            other => other.is_some(),
        }
    }

    fn filled(&self, name: &str) -> bool {
        match self.get(name) {
            Some(Val::Str(s)) => !s.is_empty(),
            _ => self.given(name),
        }
    }

    fn number(&self, name: &str) -> Option<u64> {
        match self.get(name) {
            Some(Val::Num(n)) => Some(*n),
            _ => None,
        }
    }

    fn text(&self, name: &str) -> Option<&'a str> {
        match self.get(name) {
            Some(Val::Str(s)) => Some(s),
            _ => None,
        }
    }

    fn time(&self, name: &str) -> Option<OffsetDateTime> {
        match self.get(name) {
            Some(Val::Time(at)) => Some(*at),
            _ => None,
        }
    }

    fn count(&self, name: &str) -> usize {
        match self.get(name) {
            Some(Val::Strs(list)) => list.len(),
            _ => 0,
        }
    }

    fn check(&self, rule: &Rule) -> Result<(), Error> {
        let fail = |message: String| Err(invalid(message));
        match *rule {
            Rule::NotEmpty(name) => {
                let empty = match self.get(name) {
                    Some(Val::Str(s)) => s.is_empty(),
                    Some(Val::Strs(list)) => list.iter().any(|s| s.is_empty()),
                    _ => false,
                };
                if empty {
                    return fail(format!("{name} must not be empty"));
                }
            }
            Rule::Range(name, min, max) => match self.number(name) {
                Some(n) if n < min || n > max => {
                    return fail(format!("{name} must be in range {min} to {max}, got {n}"));
                }
                _ => {}
            },
            Rule::OneOf(name, allowed) => match self.number(name) {
                Some(n) if !allowed.contains(&n) => {
                    return fail(format!("{name} must be one of {allowed:?}, got {n}"));
                }
                _ => {}
            },
            Rule::Count(names, min, max) => {
                let n: usize = names.iter().map(|name| self.count(name)).sum();
                if n < min || n > max {
                    let names = names.join(" and ");
                    return fail(format!("{names} must have {min} to {max} entries, got {n}"));
                }
            }
            Rule::Chars(name, min, max) => {
                if let Some(text) = self.text(name) {
                    let n = text.chars().count();
                    if n < min || n > max {
                        return fail(format!(
                            "{name} must have {min} to {max} characters, got {n}"
                        ));
                    }
                }
            }
            Rule::ExactlyOne(names) => {
                if names.iter().filter(|name| self.given(name)).count() != 1 {
                    return fail(format!("exactly one of {} is required", names.join(", ")));
                }
            }
            Rule::AtLeastOne(names) => {
                if !names.iter().any(|name| self.given(name)) {
                    return fail(format!("at least one of {} is required", names.join(", ")));
                }
            }
            Rule::NeedsWhenTrue(flag, name) => {
                if self.get(flag) == Some(&Val::Bool(true)) && !self.given(name) {
                    return fail(format!("{flag} is true but {name} is not given"));
                }
            }
            Rule::NeededUnless(name, others) => {
                if !self.given(name) && !others.iter().any(|other| self.given(other)) {
                    return fail(format!(
                        "{name} is required when no {} is given",
                        others.join(", ")
                    ));
                }
            }
            Rule::Span(start, end) => match (self.time(start), self.time(end)) {
                (Some(a), Some(b)) if a > b => {
                    return fail(format!("{start} must not be after {end}"));
                }
                (Some(_), None) | (None, Some(_)) => {
                    return fail(format!("{start} and {end} must be given together"));
                }
                _ => {}
            },
            Rule::HexColor(name) => {
                if let Some(color) = self.text(name) {
                    let hex = color.strip_prefix('#');
                    let ok = hex
                        .is_some_and(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()));
                    if !ok {
                        return fail(format!("{name} must be #RRGGBB, got {color:?}"));
                    }
                }
            }
            Rule::Object(name) => {
                if let Some(Val::Json(value)) = self.get(name) {
                    if !value.is_object() {
                        return fail(format!("{name} must be a JSON object"));
                    }
                }
            }
        }
        Ok(())
    }

    /// The query, body and token of the call.
    pub fn parts(&self) -> Parts {
        let mut query = Query::new();
        for out in self.outs(self.spec.query) {
            match (self.get(out.param), out.absent) {
                (Some(Val::Str(s)), _) => {
                    query.push(out.key, s);
                }
                (Some(Val::Strs(list)), _) => {
                    query.list(out.key, list);
                }
                (Some(Val::Num(n)), _) => {
                    query.push(out.key, n);
                }
                (Some(Val::Bool(b)), _) => {
                    query.push(out.key, b);
                }
                (Some(Val::Time(at)), _) => {
                    query.datetime(out.key, Some(at));
                }
                (Some(Val::Json(value)), _) => {
                    query.push(out.key, value);
                }
                (None, Absent::Is(text)) => {
                    query.push(out.key, text);
                }
                (None, Absent::Skip | Absent::Null) => {}
            }
        }
        let body = match self.spec.shape {
            Body::None => None,
            Body::Object => Some(Value::Object(self.members())),
            Body::InDataList => {
                let mut data = Map::new();
                data.insert(
                    "data".to_owned(),
                    Value::Array(vec![Value::Object(self.members())]),
                );
                Some(Value::Object(data))
            }
        };
        let own_user = !self.spec.own_user_unless.is_empty()
            && !self
                .spec
                .own_user_unless
                .iter()
                .any(|name| self.filled(name));
        Parts {
            query,
            body,
            own_user,
        }
    }

    /// The outs that are not left out because another argument is given.
    fn outs<'s>(&'s self, outs: &'static [Out]) -> impl Iterator<Item = &'static Out> + 's {
        outs.iter()
            .filter(|out| out.unless.is_none_or(|other| !self.given(other)))
    }

    fn members(&self) -> Map<String, Value> {
        let mut members = Map::new();
        for out in self.outs(self.spec.body) {
            if let Some(value) = self.json(out) {
                members.insert(out.key.to_owned(), value);
            }
        }
        members
    }

    fn json(&self, out: &Out) -> Option<Value> {
        Some(match self.get(out.param) {
            Some(Val::Str(s)) => Value::from(*s),
            Some(Val::Strs(list)) => Value::from(list.clone()),
            Some(Val::Num(n)) => Value::from(*n),
            Some(Val::Bool(b)) => Value::from(*b),
            Some(Val::Time(at)) => {
                let mut q = Query::new();
                q.datetime("", Some(at));
                Value::from(q.pairs().first()?.1.as_str())
            }
            Some(Val::Json(value)) => (*value).clone(),
            None => match out.absent {
                Absent::Skip => return None,
                Absent::Null => Value::Null,
                Absent::Is(text) => serde_json::from_str(text).ok()?,
            },
        })
    }
}

/// The token a call needs: the endpoint's own, or a user token without
/// scopes when it asks for the token's own user.
pub fn auth(usual: Auth, parts: &Parts) -> Auth {
    if parts.own_user {
        Auth::User(Scopes::NONE)
    } else {
        usual
    }
}
