//! Sending a list of records one request at a time, answering per record.
//!
//! A refusal of one record (a 4xx about that order) is its own answer and the others go
//! on. A failure that would hit every record (authentication, an outage that outlasted
//! the retries) stops the batch: if nothing was sent yet the whole call fails; otherwise
//! what was sent is answered as sent and the rest as not sent, so the caller records the
//! work that did happen.

use super::HttpError;
use crate::connectors::Sent;

/// Why one record was not sent.
#[derive(Debug)]
pub enum Refusal {
    /// The channel refused this record; the next one may go through.
    Record(String),
    /// Nothing else will go through either.
    Fatal(anyhow::Error),
}

impl From<HttpError> for Refusal {
    fn from(e: HttpError) -> Refusal {
        if e.is_record_error() {
            Refusal::Record(e.to_string())
        } else {
            Refusal::Fatal(e.into())
        }
    }
}

/// Sends each item with `send`, which returns the channel's id for it when it has one.
pub fn each<T>(
    items: &[T],
    reference: impl Fn(&T) -> String,
    mut send: impl FnMut(&T) -> Result<Option<String>, Refusal>,
) -> anyhow::Result<Vec<Sent>> {
    let mut answers: Vec<Sent> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match send(item) {
            Ok(id) => answers.push(Sent::ok(reference(item), id)),
            Err(Refusal::Record(message)) => answers.push(refused(reference(item), message)),
            Err(Refusal::Fatal(e)) => {
                if answers.iter().all(|a| a.error.is_some()) {
                    return Err(e);
                }
                let message = format!("not sent: {e:#}");
                answers.extend(
                    items[i..]
                        .iter()
                        .map(|it| refused(reference(it), message.clone())),
                );
                return Ok(answers);
            }
        }
    }
    Ok(answers)
}

fn refused(reference: String, message: String) -> Sent {
    Sent::refused(reference, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_refusals_do_not_stop_the_batch() {
        let answers = each(
            &[1, 2, 3],
            |n| n.to_string(),
            |n| match n {
                2 => Err(Refusal::Record("no".into())),
                n => Ok(Some(format!("x{n}"))),
            },
        )
        .unwrap();
        let errors: Vec<_> = answers.iter().map(|a| a.error.as_deref()).collect();
        assert_eq!(errors, [None, Some("no"), None]);
        assert_eq!(answers[2].external_id.as_deref(), Some("x3"));
    }

    #[test]
    fn a_fatal_failure_keeps_what_was_sent() {
        let answers = each(
            &[1, 2, 3],
            |n| n.to_string(),
            |n| match n {
                1 => Ok(None),
                _ => Err(Refusal::Fatal(anyhow::anyhow!("down"))),
            },
        )
        .unwrap();
        assert!(answers[0].error.is_none());
        assert_eq!(answers[1].error.as_deref(), Some("not sent: down"));
        assert_eq!(answers.len(), 3);

        let none_sent = each(
            &[1],
            |n| n.to_string(),
            |_| Err(Refusal::Fatal(anyhow::anyhow!("down"))),
        );
        assert_eq!(none_sent.unwrap_err().to_string(), "down");
    }
}
