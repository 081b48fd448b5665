#!/usr/bin/env python3
"""Reference values for AnomSeer.Policy.QwenVL from Hugging Face transformers (no weights needed).

Builds the Tiny-VL configuration of the Qwen2.5-VL spec (section 9.1) with random weights (fixed seed, float32, eager
attention), runs it on fixed inputs, and writes what the C# test
tests/AnomSeer.Policy.QwenVL.Tests/ReferenceTests.cs compares against:

  config.json              the tiny configuration in the official flat layout
  model.safetensors        the weights, official key names (model.* / visual.*; lm_head absent when tied)
  reference.safetensors    inputs (input_ids, pixel_values, image_grid_thw) and expected outputs
                           (image_embeds, position_ids, rope_deltas, last_hidden_state, logits, greedy_ids)
  manifest.json            versions of python, torch and transformers used

Run once, on any machine with Python 3.10+:

  python -m venv .venv && . .venv/bin/activate && pip install -r tools/qwen_reference/requirements.txt
  python tools/qwen_reference/generate.py            # writes tests/AnomSeer.Policy.QwenVL.Tests/Reference/

then commit the Reference folder (about 0.3 MB). Written from the public spec; no code copied.
"""
import argparse
import json
import os
import platform

import torch
import transformers
from safetensors.torch import save_file
from transformers import Qwen2_5_VLConfig, Qwen2_5_VLForConditionalGeneration

VS, VE, IMG = 120, 121, 123

CONFIG = {
    "architectures": ["Qwen2_5_VLForConditionalGeneration"],
    "model_type": "qwen2_5_vl",
    "vocab_size": 128, "hidden_size": 64, "intermediate_size": 96, "num_hidden_layers": 2,
    "num_attention_heads": 4, "num_key_value_heads": 2, "rms_norm_eps": 1e-6, "rope_theta": 10000.0,
    "rope_scaling": {"type": "mrope", "mrope_section": [2, 3, 3]},
    "max_position_embeddings": 4096, "hidden_act": "silu", "tie_word_embeddings": True,
    "use_sliding_window": False, "sliding_window": 4096, "max_window_layers": 2, "attention_dropout": 0.0,
    "vision_start_token_id": VS, "vision_end_token_id": VE, "vision_token_id": 122, "image_token_id": IMG,
    "video_token_id": 124, "bos_token_id": 126, "eos_token_id": 125, "pad_token_id": 126,
    "torch_dtype": "float32",
    "vision_config": {
        "depth": 4, "hidden_size": 32, "intermediate_size": 48, "num_heads": 2, "in_chans": 3, "in_channels": 3,
        "patch_size": 2, "spatial_patch_size": 2, "temporal_patch_size": 2, "spatial_merge_size": 2,
        "window_size": 8, "fullatt_block_indexes": [1, 3], "out_hidden_size": 64, "tokens_per_second": 2,
        "hidden_act": "silu",
    },
}


def official_name(key: str) -> str:
    if key.startswith("model.language_model."):
        return "model." + key[len("model.language_model."):]
    if key.startswith("model.visual."):
        return "visual." + key[len("model.visual."):]
    return key


def inner(model):
    """The module that owns visual / get_rope_index (the top model before transformers 4.52, model.model after)."""
    return model.model if hasattr(model.model, "visual") else model


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.normpath(os.path.join(here, "..", "..", "tests", "AnomSeer.Policy.QwenVL.Tests", "Reference"))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=default_out)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    config = Qwen2_5_VLConfig(**CONFIG)
    config._attn_implementation = "eager"
    if hasattr(config, "vision_config"):
        config.vision_config._attn_implementation = "eager"
    torch.manual_seed(0)
    model = Qwen2_5_VLForConditionalGeneration(config).float().eval()

    state = {}
    for key, tensor in model.state_dict().items():
        name = official_name(key)
        if name == "lm_head.weight" and CONFIG["tie_word_embeddings"]:
            continue
        if name.endswith("inv_freq"):
            continue
        state[name] = tensor.detach().contiguous().clone()
    save_file(state, os.path.join(args.out, "model.safetensors"))
    with open(os.path.join(args.out, "config.json"), "w") as f:
        json.dump(CONFIG, f, indent=2)

    torch.manual_seed(1)
    pixel_values = torch.randn(60, 24)
    grid = torch.tensor([[1, 6, 10]], dtype=torch.long)
    ids = [1, 2, 3, 4, 5, VS] + [IMG] * 15 + [VE, 6, 7, 8, 9]
    input_ids = torch.tensor([ids], dtype=torch.long)

    with torch.no_grad():
        owner = inner(model)
        image_embeds = owner.visual(pixel_values, grid_thw=grid)
        if isinstance(image_embeds, (tuple, list)):
            image_embeds = image_embeds[0]
        if hasattr(image_embeds, "pooler_output"):
            image_embeds = image_embeds.pooler_output
        position_ids, rope_deltas = owner.get_rope_index(input_ids, grid, None, attention_mask=torch.ones_like(input_ids))
        out = model(input_ids=input_ids, pixel_values=pixel_values, image_grid_thw=grid, output_hidden_states=True)
        greedy = model.generate(input_ids=input_ids, pixel_values=pixel_values, image_grid_thw=grid,
                                max_new_tokens=8, do_sample=False, use_cache=True)
        greedy_nocache = model.generate(input_ids=input_ids, pixel_values=pixel_values, image_grid_thw=grid,
                                        max_new_tokens=8, do_sample=False, use_cache=False)
    assert torch.equal(greedy, greedy_nocache), "transformers itself gives different ids with and without cache"

    reference = {
        "input_ids": input_ids,
        "pixel_values": pixel_values,
        "image_grid_thw": grid,
        "image_embeds": image_embeds.float().contiguous(),
        "position_ids": position_ids.long().contiguous(),
        "rope_deltas": rope_deltas.long().reshape(-1).contiguous(),
        "last_hidden_state": out.hidden_states[-1].float().contiguous(),
        "logits": out.logits.float().contiguous(),
        "greedy_ids": greedy[:, input_ids.shape[1]:].long().contiguous(),
    }
    save_file(reference, os.path.join(args.out, "reference.safetensors"))
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump({"python": platform.python_version(), "torch": torch.__version__,
                   "transformers": transformers.__version__, "seed_weights": 0, "seed_inputs": 1,
                   "attn_implementation": "eager", "dtype": "float32"}, f, indent=2)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
