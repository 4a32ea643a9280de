#!/usr/bin/env python3
"""Writes Sources/GovTopCore/Pricing/pricing.json from the genai-prices package (Pydantic's
maintained price data, https://github.com/pydantic/genai-prices), merged with govtop's own
additions in Sources/GovTopCore/Pricing/pricing-additions.json.

Run by .ci/regenerate-pricing.sh, which installs the pinned package in a temporary venv. The output
is a function of the package version, AS_OF and the additions file only, so CI can check that the
committed file is up to date (`git diff --exit-code`).

What is taken from genai-prices:
- the providers govtop names with `gen_ai.provider.name` (PROVIDERS below; resellers and routers,
  whose model ids repeat the vendors', are left out);
- per model: its id as the name, its exact-match spellings (`equals` clauses) as aliases, and the
  prices in force on AS_OF (a model with dated prices uses the last that started on or before it):
  input, output, cache read (cached_input) and cache write (5-minute write, cache_write);
- a single input-token tier (`TieredPrices` with one tier) as govtop's long_context tier. A model
  with more tiers keeps its base prices (govtop has one long-context tier).
Models without an input price (image, audio, search-only) are left out; a model without an output
price (embeddings) costs 0 per output token.

govtop's additions live in pricing-additions.json, each with a "note" saying why: "models", entries
of the same form (models the package lacks, or govtop's deliberate differences; an addition
replaces the package's entry with the same provider and name), and "aliases", further spellings
of a package entry that govtop's normalizer cannot reach from the package's own names.
"""
import datetime
import json
import pathlib
import re
import sys
from decimal import Decimal

from genai_prices import data

PACKAGE = "genai-prices"
AS_OF = datetime.date(2026, 11, 25)
PROVIDERS = {
    "openai": "openai",
    "anthropic": "anthropic",
    "google": "gcp.gemini",
    "mistral": "mistral_ai",
    "aws": "aws.bedrock",
    "cohere": "cohere",
    "deepseek": "deepseek",
    "x-ai": "x_ai",
}
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Sources/GovTopCore/Pricing/pricing.json"
ADDITIONS = ROOT / "Sources/GovTopCore/Pricing/pricing-additions.json"


def number(value):
    """A Decimal as the shortest JSON number that reads back equal."""
    if value is None:
        return None
    value = Decimal(value).normalize()
    return int(value) if value == value.to_integral_value() else float(value)


def prices_on(model):
    prices = model.prices
    if not isinstance(prices, list):
        return prices
    chosen = None
    for conditional in prices:
        constraint = conditional.constraint
        start = getattr(constraint, "start_date", None)
        if constraint is None or (start is not None and start <= AS_OF):
            chosen = conditional.prices
    return chosen


def split(price):
    """(base, tiers) of a price that may be tiered."""
    if price is None:
        return None, []
    tiers = getattr(price, "tiers", None)
    if tiers is None:
        return price, []
    return price.base, list(tiers)


def equals_clauses(clause):
    found = []
    for name in ("or_", "and_"):
        for inner in getattr(clause, name, None) or []:
            found += equals_clauses(inner)
    if type(clause).__name__ == "ClauseEquals":
        found.append(clause.equals)
    return found


def entry(provider, model):
    prices = prices_on(model)
    if prices is None:
        return None
    input_base, input_tiers = split(getattr(prices, "input_mtok", None))
    if input_base is None:
        return None
    output_base, output_tiers = split(getattr(prices, "output_mtok", None))
    read_base, read_tiers = split(getattr(prices, "cache_read_mtok", None))
    write_base, write_tiers = split(getattr(prices, "cache_write_mtok", None))
    result = {"name": model.id, "provider": provider, "input": number(input_base),
              "output": number(output_base) if output_base is not None else 0}
    if read_base is not None:
        result["cached_input"] = number(read_base)
    if write_base is not None:
        result["cache_write"] = number(write_base)
    spellings = set(equals_clauses(model.match))
    # NAME-latest also answers to NAME: what govtop's normalizer reduces dated snapshots
    # (NAME-20250219) to.
    if model.id.endswith("-latest"):
        spellings.add(model.id[:-len("-latest")])
    aliases = sorted({name for name in spellings if name.lower() != model.id.lower()})
    if aliases:
        result["aliases"] = aliases
    if len(input_tiers) == 1 and len(output_tiers) == 1 and input_tiers[0].start == output_tiers[0].start:
        tier = {"above_input_tokens": input_tiers[0].start, "input": number(input_tiers[0].price),
                "output": number(output_tiers[0].price)}
        if len(read_tiers) == 1:
            tier["cached_input"] = number(read_tiers[0].price)
        if len(write_tiers) == 1:
            tier["cache_write"] = number(write_tiers[0].price)
        result["long_context"] = tier
    return result


def claims(model):
    return [model["name"].lower()] + [alias.lower() for alias in model.get("aliases", [])]


BEDROCK_PREFIXES = ("us.", "eu.", "apac.", "global.", "jp.", "au.", "ca.", "us-gov.", "regional.", "in.")
BEDROCK_VENDORS = ("anthropic.", "meta.", "cohere.", "mistral.", "amazon.", "ai21.", "deepseek.", "openai.",
                   "qwen.", "writer.", "google.", "xai.", "x-ai.", "moonshot.", "zai.", "nvidia.")


def bedrock_base(name):
    """A Bedrock model id without region and vendor prefixes and version and date suffixes, as
    govtop's ModelNameNormalizer reduces it: `regional.anthropic.claude-opus-4-1-20250805-v1:0`
    becomes `claude-opus-4-1`."""
    base = name.lower()
    for prefix in BEDROCK_PREFIXES:
        if base.startswith(prefix):
            base = base[len(prefix):]
            break
    for vendor in BEDROCK_VENDORS:
        if base.startswith(vendor):
            base = base[len(vendor):]
            break
    base = re.sub(r"-v\d+(:\d+)?$", "", base)
    base = re.sub(r"-\d{8}$", "", base)
    return base


def rates(model):
    return tuple(model.get(key) for key in ("input", "output", "cached_input", "cache_write"))


def main():
    additions = json.loads(ADDITIONS.read_text())
    added = {(m["provider"], m["name"].lower()) for m in additions["models"]}
    generated = []
    for provider in data.providers:
        if provider.id not in PROVIDERS:
            continue
        for model in provider.models:
            made = entry(PROVIDERS[provider.id], model)
            if made and (made["provider"], made["name"].lower()) not in added:
                generated.append(made)
    # govtop looks a model up by its name first (the provider only breaks ties), so a name or alias
    # is priced once in the whole table: additions first, then the providers in PROVIDERS order (a
    # vendor before a cloud that resells its models). A Bedrock id is priced under the name govtop's
    # normalizer reduces it to, when no vendor prices that name already; else it is left out.
    extra = {}
    for spelling in additions.get("aliases", []):
        extra.setdefault((spelling["provider"], spelling["name"].lower()), []).extend(spelling["aliases"])
    for model in generated:
        more = extra.pop((model["provider"], model["name"].lower()), [])
        if more:
            model["aliases"] = sorted(set(model.get("aliases", [])) | set(more))
    if extra:
        sys.exit(f"pricing-additions.json: aliases for entries the package does not have: {sorted(extra)}")
    claimed = {}

    def admit(group):
        """Names first (within a provider, an entry's own name beats another's alias), then the
        aliases still free."""
        accepted = []
        for model in group:
            if model["name"].lower() not in claimed:
                claimed[model["name"].lower()] = model
                accepted.append(model)
        for model in accepted:
            kept = [alias for alias in model.get("aliases", []) if alias.lower() not in claimed]
            for alias in kept:
                claimed[alias.lower()] = model
            if kept:
                model["aliases"] = kept
            else:
                model.pop("aliases", None)
        return accepted

    models = admit(additions["models"])
    # Provider by provider, so a vendor's aliases come before another provider's names.
    for provider in PROVIDERS.values():
        if provider != "aws.bedrock":
            models += admit([m for m in generated if m["provider"] == provider])
    bedrock = []
    for model in generated:
        if model["provider"] != "aws.bedrock":
            continue
        base = bedrock_base(model["name"])
        if base in claimed:
            # Priced as the vendor's model, unless Bedrock's price differs: then under its own id
            # (govtop tries the exact id before reducing it).
            if rates(claimed[base]) == rates(model):
                continue
        elif base != model["name"].lower():
            model["aliases"] = sorted(set(model.get("aliases", [])) | {model["name"]})
            model["name"] = base
        bedrock.append(model)
    models += admit(bedrock)
    models.sort(key=lambda m: (list(PROVIDERS.values()).index(m["provider"]) if m["provider"] in PROVIDERS.values() else 99,
                               m["provider"], m["name"].lower()))
    version = sys.argv[1]
    table = {
        "as_of": AS_OF.isoformat(),
        "currency": "USD",
        "unit": "per_million_tokens",
        "note": (f"Generated by .ci/regenerate-pricing.sh from {PACKAGE} {version} (prices in force on the as_of date) "
                 "and govtop's additions in pricing-additions.json; do not edit by hand. List prices per 1M tokens; "
                 "cache_write is the 5-minute cache write; a long-context tier applies to the whole request once the "
                 "prompt exceeds above_input_tokens."),
        "sources": [f"https://pypi.org/project/{PACKAGE}/{version}/ (https://github.com/pydantic/genai-prices)"]
                   + additions.get("sources", []),
        "models": models,
    }
    OUT.write_text(json.dumps(table, indent=2, ensure_ascii=False) + "\n")
    print(f"pricing.json: {len(models)} models from {PACKAGE} {version}, with govtop's {len(additions['models'])} "
          f"added models and {len(additions.get('aliases', []))} added spellings")


if __name__ == "__main__":
    main()
