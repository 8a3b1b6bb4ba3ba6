//! `random.sample` and `random.choices`, drawing as CPython 3.11's `Lib/random.py` draws
//! (the same calls of the generator in the same order), so a seeded program picks what
//! CPython picks.

use crate::format::type_name;
use crate::interp::ops::range_len;
use crate::interp::{Ctrl, Cx};
use crate::value::{Args, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// A population's items, if it is a sequence (CPython's `_Sequence`).
fn population(cx: &Cx, v: &Value, what: &str) -> Result<Vec<Value>, Ctrl> {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) => cx.iterate(v),
        &Value::Range(a, b, c) if range_len(a, b, c) > 1_000_000 => {
            Err(cx.err("MemoryError", "range too large for the playground's random"))
        }
        Value::Range(..) => cx.iterate(v),
        _ if what == "sample" => Err(cx.type_err("Population must be a sequence.  For dicts or sets, use sorted(d).")),
        other => Err(cx.type_err(format!("object of type '{}' has no len()", type_name(other)))),
    }
}

fn list(items: Vec<Value>) -> Value {
    Value::List(Rc::new(RefCell::new(items.into())))
}

/// `random.sample(population, k)`: a pool for small populations, else a set of the indices
/// chosen, as CPython decides between them.
pub fn sample(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    if a.take_kw("counts").is_some() {
        return Err(cx.err("NotImplementedError", "random.sample's counts= is not supported by the playground"));
    }
    let pop = a.get(0, "population").ok_or_else(|| cx.type_err("sample() missing required argument: 'population'"))?;
    let k = match a.get(1, "k") {
        Some(Value::Int(k)) => k,
        Some(Value::Bool(b)) => b as i128,
        Some(other) => {
            let msg = format!("'{}' object cannot be interpreted as an integer", type_name(&other));
            return Err(cx.type_err(msg));
        }
        None => return Err(cx.type_err("Random.sample() missing 1 required positional argument: 'k'")),
    };
    let mut pool = population(cx, &pop, "sample")?;
    let n = pool.len();
    if k < 0 || k > n as i128 {
        return Err(cx.err("ValueError", "Sample larger than population or is negative"));
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        setsize += 4usize.pow(((k * 3) as f64).log(4.0).ceil() as u32);
    }
    let mut rng = cx.interp.random.borrow_mut();
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        for i in 0..k {
            let j = rng.randbelow((n - i) as u64) as usize;
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = rng.randbelow(n as u64) as usize;
            while !selected.insert(j) {
                j = rng.randbelow(n as u64) as usize;
            }
            result.push(pool[j].clone());
        }
    }
    Ok(list(result))
}

/// A number of the weights, as a float.
fn weight(cx: &Cx, v: &Value) -> Result<f64, Ctrl> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(x) => Ok(*x),
        other => Err(cx.type_err(format!("unsupported operand type(s) for +: 'int' and '{}'", type_name(other)))),
    }
}

/// `random.choices(population, weights=None, *, cum_weights=None, k=1)`.
pub fn choices(cx: &Cx, _: &Value, mut a: Args) -> Result<Value, Ctrl> {
    let pop = a.get(0, "population").ok_or_else(|| cx.type_err("choices() missing required argument: 'population'"))?;
    let weights = a.get(1, "weights").filter(|w| !matches!(w, Value::None));
    let cum = a.take_kw("cum_weights").filter(|w| !matches!(w, Value::None));
    let k = match a.take_kw("k") {
        None => 1,
        Some(Value::Int(k)) => k.max(0) as usize,
        Some(other) => {
            let msg = format!("'{}' object cannot be interpreted as an integer", type_name(&other));
            return Err(cx.type_err(msg));
        }
    };
    let pop = population(cx, &pop, "choices")?;
    let n = pop.len();
    let mut rng = cx.interp.random.borrow_mut();
    let cum: Vec<f64> = match (weights, cum) {
        (None, None) => {
            if n == 0 && k > 0 {
                return Err(cx.err("IndexError", "list index out of range"));
            }
            let out = (0..k).map(|_| pop[(rng.random() * n as f64).floor() as usize].clone()).collect();
            return Ok(list(out));
        }
        (Some(_), Some(_)) => return Err(cx.type_err("Cannot specify both weights and cumulative weights")),
        (Some(w), None) => {
            let mut total = 0.0;
            let mut out = Vec::new();
            for v in cx.iterate(&w)? {
                total += weight(cx, &v)?;
                out.push(total);
            }
            out
        }
        (None, Some(c)) => cx.iterate(&c)?.iter().map(|v| weight(cx, v)).collect::<Result<_, _>>()?,
    };
    if cum.len() != n {
        return Err(cx.err("ValueError", "The number of weights does not match the population"));
    }
    let total = cum.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(cx.err("ValueError", "Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(cx.err("ValueError", "Total of weights must be finite"));
    }
    let out = (0..k)
        .map(|_| {
            let x = rng.random() * total;
            // bisect_right(cum, x, 0, n - 1)
            let at = cum[..n - 1].partition_point(|&c| c <= x);
            pop[at].clone()
        })
        .collect();
    Ok(list(out))
}
