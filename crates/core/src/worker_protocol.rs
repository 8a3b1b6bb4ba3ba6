//! The messages between the page and a Web Worker of its pool, typed, and their wire
//! form (three numbers, which `postMessage` copies cheaply). Both sides use this one
//! definition. Times are absolute (`performance.timeOrigin + performance.now()`), so
//! the page can place the worker's own moments on its clock.

use std::fmt;

/// From the page to a worker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ToWorker {
    /// Block the worker's thread for `ms` (a `time.sleep`), then answer for `call`.
    Sleep {
        /// The call's number, echoed in the answers.
        call: u32,
        /// How long, in ms.
        ms: f64,
    },
}

/// From a worker to the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FromWorker {
    /// Started and ready for calls.
    Ready,
    /// Began `call` at `at` (absolute ms).
    Started {
        /// The call.
        call: u32,
        /// When, on the worker's clock (absolute ms).
        at: f64,
    },
    /// Ended `call` at `at` (absolute ms): the worker is free again.
    Done {
        /// The call.
        call: u32,
        /// When, on the worker's clock (absolute ms).
        at: f64,
    },
}

/// A message that is not one of the protocol's.
#[derive(Clone, Debug, PartialEq)]
pub struct ProtocolError(pub Vec<f64>);

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let numbers: Vec<String> = self.0.iter().map(|x| format!("{x}")).collect();
        write!(f, "not a message of the worker protocol: [{}]", numbers.join(", "))
    }
}

fn call_of(x: f64) -> Option<u32> {
    (x.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&x)).then_some(x as u32)
}

impl ToWorker {
    /// The wire form.
    pub fn encode(self) -> [f64; 3] {
        match self {
            ToWorker::Sleep { call, ms } => [1.0, f64::from(call), ms],
        }
    }

    /// Reads the wire form.
    pub fn decode(wire: &[f64]) -> Result<ToWorker, ProtocolError> {
        let bad = || ProtocolError(wire.to_vec());
        match *wire {
            [1.0, call, ms] if ms.is_finite() && ms >= 0.0 => {
                Ok(ToWorker::Sleep { call: call_of(call).ok_or_else(bad)?, ms })
            }
            _ => Err(bad()),
        }
    }
}

impl FromWorker {
    /// The wire form.
    pub fn encode(self) -> [f64; 3] {
        match self {
            FromWorker::Ready => [1.0, 0.0, 0.0],
            FromWorker::Started { call, at } => [2.0, f64::from(call), at],
            FromWorker::Done { call, at } => [3.0, f64::from(call), at],
        }
    }

    /// Reads the wire form.
    pub fn decode(wire: &[f64]) -> Result<FromWorker, ProtocolError> {
        let bad = || ProtocolError(wire.to_vec());
        match *wire {
            [1.0, _, _] => Ok(FromWorker::Ready),
            [2.0, call, at] if at.is_finite() => Ok(FromWorker::Started { call: call_of(call).ok_or_else(bad)?, at }),
            [3.0, call, at] if at.is_finite() => Ok(FromWorker::Done { call: call_of(call).ok_or_else(bad)?, at }),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_survives_its_wire_form() {
        for m in [ToWorker::Sleep { call: 0, ms: 0.0 }, ToWorker::Sleep { call: u32::MAX, ms: 1234.5 }] {
            assert_eq!(ToWorker::decode(&m.encode()), Ok(m));
        }
        for m in [
            FromWorker::Ready,
            FromWorker::Started { call: 7, at: 1.7e12 + 0.25 },
            FromWorker::Done { call: 7, at: 1.7e12 + 1000.5 },
        ] {
            assert_eq!(FromWorker::decode(&m.encode()), Ok(m));
        }
    }

    #[test]
    fn anything_else_is_refused() {
        for wire in [&[][..], &[1.0][..], &[2.0, 0.0, 0.0], &[1.0, -1.0, 5.0], &[1.0, 0.5, 5.0], &[1.0, 1.0, f64::NAN]]
        {
            assert!(ToWorker::decode(wire).is_err(), "{wire:?}");
        }
        for wire in [&[2.0, 1.0, f64::INFINITY][..], &[3.0, -2.0, 1.0], &[0.0, 0.0, 0.0]] {
            assert!(FromWorker::decode(wire).is_err(), "{wire:?}");
        }
    }
}
