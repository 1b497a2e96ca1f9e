# Writes src/test/resources/pokeapi-fixture: a tiny hand-made PokéAPI universe (6 pokemon, 6 types,
# 4 abilities, 6 species, stats, forms, berries, one contract-breaking item, one model-breaking
# ability 999) in the api-data layout,
# plus hand-written JSON Schemas in the style of the published ones. Run from anywhere:
#   python3 probe-service/src/test/fixture-generator/generate_fixture.py
# The bodies satisfy common-model's models (FixtureModelsTest checks it). Values are made up.
import json, os, shutil
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "pokeapi-fixture")
API = os.path.join(ROOT, "api/v2")
shutil.rmtree(ROOT, ignore_errors=True)

def ref(ep, id, name): return {"name": name, "url": f"/api/v2/{ep}/{id}/"}
def write(path, obj):
    p = os.path.join(API, path, "index.json")
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        json.dump(obj, f, indent=2, sort_keys=True)
        f.write("\n")

TYPES = {1: "normal", 3: "flying", 4: "poison", 10: "fire", 12: "grass", 13: "electric"}
ABILITIES = {9: "static", 65: "overgrow", 66: "blaze", 50: "run-away"}
STATS = {1: "hp", 2: "attack", 3: "defense", 4: "special-attack", 5: "special-defense", 6: "speed"}
# id, name, types, abilities, species id
POKEMON = [
    (1, "bulbasaur", [12, 4], [65], 1),
    (4, "charmander", [10], [66], 4),
    (6, "charizard", [10, 3], [66], 6),
    (25, "pikachu", [13], [9], 25),
    (133, "eevee", [1], [50], 133),
    (10033, "venusaur-mega", [12, 4], [65], 3),
]
SPECIES = {1: "bulbasaur", 3: "venusaur", 4: "charmander", 6: "charizard", 25: "pikachu", 133: "eevee"}
GEN1 = ref("generation", 1, "generation-i")
EN = ref("language", 9, "en")
MEDIA = "https://media.example.org/sprites/"

def pokemon(pid, name, types, abilities, sid):
    return {
        "id": pid, "name": name, "base_experience": 64 if pid < 10000 else None,
        "height": 7, "weight": 69, "order": pid, "is_default": pid < 10000,
        "location_area_encounters": f"/api/v2/pokemon/{pid}/encounters",
        "species": ref("pokemon-species", sid, SPECIES[sid]),
        "abilities": [{"ability": ref("ability", a, ABILITIES[a]), "is_hidden": False, "slot": i + 1} for i, a in enumerate(abilities)],
        "forms": [ref("pokemon-form", pid, name)],
        "game_indices": [], "held_items": [], "moves": [],
        "stats": [{"base_stat": 40 + s, "effort": 0, "stat": ref("stat", s, STATS[s])} for s in sorted(STATS)],
        "types": [{"slot": i + 1, "type": ref("type", t, TYPES[t])} for i, t in enumerate(types)],
        "past_types": [], "past_abilities": [], "past_stats": [],
        "sprites": {
            "front_default": f"{MEDIA}{pid}.png", "front_shiny": None, "front_female": None,
            "front_shiny_female": None, "back_default": None, "back_shiny": None,
            "back_female": None, "back_shiny_female": None,
            "other": {"official-artwork": {"front_default": None, "front_shiny": None},
                      "home": {"front_default": None, "front_shiny": None},
                      "dream_world": {"front_default": None, "front_female": None},
                      "showdown": {"front_default": None, "front_shiny": None}},
            "versions": {}},
        "cries": {"latest": f"https://media.example.org/cries/{pid}.ogg", "legacy": None},
    }

def type_body(tid, name):
    members = [(p[0], p[1], p[2].index(tid) + 1) for p in POKEMON if tid in p[2]]
    empty = {k: [] for k in ["no_damage_to", "half_damage_to", "double_damage_to", "no_damage_from", "half_damage_from", "double_damage_from"]}
    return {
        "id": tid, "name": name, "damage_relations": empty, "past_damage_relations": [],
        "game_indices": [{"game_index": tid, "generation": GEN1}], "generation": GEN1,
        "move_damage_class": None, "names": [{"name": name.capitalize(), "language": EN}],
        "pokemon": [{"slot": slot, "pokemon": ref("pokemon", pid, pname)} for pid, pname, slot in members],
        "moves": [], "sprites": {},
    }

def ability_body(aid, name):
    return {
        "id": aid, "name": name, "is_main_series": True, "generation": GEN1,
        "names": [{"name": name.replace("-", " ").title(), "language": EN}],
        "effect_entries": [{"effect": "An effect.", "short_effect": "Effect.", "language": EN}],
        "effect_changes": [], "flavor_text_entries": [],
        "pokemon": [{"is_hidden": False, "slot": p[3].index(aid) + 1, "pokemon": ref("pokemon", p[0], p[1])} for p in POKEMON if aid in p[3]],
    }

def species_body(sid, name):
    return {
        "id": sid, "name": name, "order": sid, "gender_rate": 1, "capture_rate": 45,
        "base_happiness": 50, "hatch_counter": 20, "is_baby": False, "is_legendary": False,
        "is_mythical": False, "has_gender_differences": False, "forms_switchable": False,
        "growth_rate": ref("growth-rate", 4, "medium-slow"),
        "pokedex_numbers": [{"entry_number": sid, "pokedex": ref("pokedex", 1, "national")}],
        "egg_groups": [ref("egg-group", 1, "monster")], "color": ref("pokemon-color", 5, "green"),
        "shape": ref("pokemon-shape", 8, "quadruped"), "evolves_from_species": None,
        "evolution_chain": {"url": f"/api/v2/evolution-chain/{sid}/"}, "habitat": None,
        "generation": GEN1, "names": [{"name": name.capitalize(), "language": EN}],
        "pal_park_encounters": [], "flavor_text_entries": [], "form_descriptions": [],
        "genera": [{"genus": "Seed Pokémon", "language": EN}],
        "varieties": [{"is_default": True, "pokemon": ref("pokemon", p[0], p[1])} for p in POKEMON if p[4] == sid],
    }

def listing(ep, entries):
    return {"count": len(entries), "next": None, "previous": None,
            "results": [ref(ep, i, n) for i, n in entries]}

for p in POKEMON:
    write(f"pokemon/{p[0]}", pokemon(*p))
    write(f"pokemon-form/{p[0]}", {"id": p[0], "name": p[1], "pokemon": ref("pokemon", p[0], p[1])})
write("pokemon", listing("pokemon", [(p[0], p[1]) for p in POKEMON]))
write("pokemon-form", listing("pokemon-form", [(p[0], p[1]) for p in POKEMON]))
for t, n in TYPES.items(): write(f"type/{t}", type_body(t, n))
write("type", listing("type", sorted(TYPES.items())))
for a, n in ABILITIES.items(): write(f"ability/{a}", ability_body(a, n))
write("ability", listing("ability", sorted(ABILITIES.items())))
for s, n in SPECIES.items(): write(f"pokemon-species/{s}", species_body(s, n))
write("pokemon-species", listing("pokemon-species", sorted(SPECIES.items())))
for s, n in STATS.items(): write(f"stat/{s}", {"id": s, "name": n, "is_battle_only": False})
write("stat", listing("stat", sorted(STATS.items())))
# berry: a list with a few resources, used by fault tests
BERRIES = {1: "cheri", 2: "chesto", 3: "pecha"}
for b, n in BERRIES.items(): write(f"berry/{b}", {"id": b, "name": n, "growth_time": 3})
write("berry", listing("berry", sorted(BERRIES.items())))
write("meta", {"deploy_date": "1786004122", "hash": "fixture", "tag": None})
root = {ep: f"/api/v2/{ep}/" for ep in ["ability", "berry", "meta", "pokemon", "pokemon-form", "pokemon-species", "stat", "type"]}
p = os.path.join(API, "index.json")
with open(p, "w") as f:
    json.dump(root, f, indent=2, sort_keys=True); f.write("\n")
print("ok")

# ---- schemas (hand-written, in the style of PokéAPI's published ones) ----
SCHEMA = os.path.join(ROOT, "schema/v2")
def schema(path, obj):
    p = os.path.join(SCHEMA, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    obj = dict(obj); obj["$schema"] = "http://json-schema.org/schema#"
    with open(p, "w") as f:
        json.dump(obj, f, indent=2, sort_keys=True); f.write("\n")
NAMED = {"$ref": "/schema/v2/named_api_resource.json"}
def obj(props, required=None):
    return {"type": "object", "properties": props, "required": required if required is not None else sorted(props)}
schema("named_api_resource.json", obj({"name": {"type": "string"}, "url": {"type": "string"}}))
schema("api_resource.json", obj({"url": {"type": "string"}}))
schema("named_api_resource_list.json", obj({
    "count": {"type": "integer"}, "next": {"type": ["null", "string"]},
    "previous": {"type": ["null", "string"]}, "results": {"type": "array", "items": NAMED}}))
for ep in ["pokemon", "type", "ability", "pokemon-species", "berry", "item", "stat", "pokemon-form"]:
    schema(f"{ep}/index.json", {"$ref": "/schema/v2/named_api_resource_list.json"})
schema("pokemon/$id/index.json", obj({
    "id": {"type": "integer"}, "name": {"type": "string"},
    "base_experience": {"type": ["integer", "null"]}, "height": {"type": "integer"},
    "species": NAMED, "forms": {"type": "array", "items": NAMED},
    "types": {"type": "array", "items": obj({"slot": {"type": "integer"}, "type": NAMED})},
    "stats": {"type": "array", "items": obj({"base_stat": {"type": "integer"}, "effort": {"type": "integer"}, "stat": NAMED})}}))
schema("type/$id/index.json", obj({
    "id": {"type": "integer"}, "name": {"type": "string"},
    "pokemon": {"type": "array", "items": obj({"slot": {"type": "integer"}, "pokemon": NAMED})}}))
schema("ability/$id/index.json", obj({
    "id": {"type": "integer"}, "name": {"type": "string"}, "is_main_series": {"type": "boolean"}}))
schema("pokemon-species/$id/index.json", obj({
    "id": {"type": "integer"}, "name": {"type": "string"}, "evolution_chain": {"$ref": "/schema/v2/api_resource.json"}}))
schema("berry/$id/index.json", obj({"id": {"type": "integer"}, "name": {"type": "string"}, "growth_time": {"type": "integer"}}))
schema("stat/$id/index.json", obj({"id": {"type": "integer"}, "name": {"type": "string"}}))
schema("pokemon-form/$id/index.json", obj({"id": {"type": "integer"}, "name": {"type": "string"}, "pokemon": NAMED}))
schema("item/$id/index.json", obj({
    "id": {"type": "integer"}, "name": {"type": "string"}, "cost": {"type": "integer"},
    "fling_power": {"type": ["integer", "null"]},
    "attributes": {"type": "array", "items": NAMED}}))
# item/1 breaks the published contract on purpose: fling_power is a string, an attribute has no url
write("item/1", {"id": 1, "name": "master-ball", "cost": 0, "fling_power": "ten",
                 "attributes": [{"name": "countable", "url": "/api/v2/item-attribute/1/"}, {"name": "holdable"}]})
write("item", listing("item", [(1, "master-ball")]))
# ability/999 breaks the model on purpose and is in no list (sweeps never see it): the name is not
# kebab-case, is_main_series is a string, the generation is missing
write("ability/999", {"id": 999, "name": "Broken Ability", "is_main_series": "yes", "names": [],
                      "effect_entries": [], "effect_changes": [], "flavor_text_entries": [], "pokemon": []})
print("schemas ok")
