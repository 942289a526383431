"""The digits example: a real model and real explainers on scikit-learn's digits (8×8 images, shipped inside
scikit-learn, no download), evaluated the way an explainer repository's CI step would.

Model: multinomial logistic regression on 1,497 training images; the eval set is the 300 held-out images.
Explainers (attributions for the predicted class c):
  gradient × input  x ⊙ ∂ log p_c / ∂x (the softmax gradient of a linear model: W_c − Σ_k p_k W_k);
  occlusion          p_c(x) − p_c(x with pixel j set to 0), one pixel at a time;
  random             uniform noise: the control every faithfulness score should beat.
Deletion / insertion curves: pixels ranked by attribution, removed from the image (set to 0, the background) or
inserted into a blank image, 4 at a time (K = 16 steps), re-predicting p_c after each step.

Variants:
  main — the default branch;
  pr   — a pull request that smooths gradient × input with a 3×3 Gaussian "so the maps look less noisy", a
         one-line change that reads as harmless in review: the maps look cleaner and keep their shape, and
         accuracy is untouched. But the blur spreads relevance onto neighbouring background pixels, so deleting
         the "most relevant" pixels first hurts the model less: deletion AUC rises (worse) on most examples.

Usage: python3 generate.py --variant main|pr --out DIR   (needs numpy and scikit-learn)
"""

import argparse
import json
import struct
from pathlib import Path

import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

K = 16  # curve steps: 64 pixels, 4 per step
trapezoid = getattr(np, "trapezoid", None) or np.trapz  # numpy ≥ 2 renamed it


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def predict(model, x):
    return softmax(x @ model.coef_.T + model.intercept_)


def gradient_x_input(model, x, c):
    p = predict(model, x)
    grad = model.coef_[c] - p @ model.coef_  # ∂ log p_c / ∂x for a softmax over linear logits
    return x * grad


def occlusion(model, x, c):
    rows = np.arange(len(x))
    p0 = predict(model, x)[rows, c]
    out = np.zeros_like(x)
    for j in range(x.shape[1]):
        xo = x.copy()
        xo[:, j] = 0.0
        out[:, j] = p0 - predict(model, xo)[rows, c]
    return out


def gaussian_blur(a):
    """The 3×3 binomial (Gaussian) kernel [1 2 1]ᵀ[1 2 1]/16 on each 8×8 map, edges padded with the border values."""
    img = a.reshape(-1, 8, 8)
    padded = np.pad(img, ((0, 0), (1, 1), (1, 1)), mode="edge")
    kernel = np.outer([1, 2, 1], [1, 2, 1]) / 16.0
    out = sum(kernel[dy, dx] * padded[:, dy:dy + 8, dx:dx + 8] for dy in range(3) for dx in range(3))
    return out.reshape(len(a), 64)


def curves(model, x, c, attributions):
    """Deletion and insertion curves: p_c as pixels go (or come), most relevant first; ties broken by pixel index."""
    n, f = x.shape
    rows = np.arange(n)
    order = np.argsort(-attributions, axis=1, kind="stable")
    deletion = np.zeros((n, K + 1))
    insertion = np.zeros((n, K + 1))
    step = f // K
    for k in range(K + 1):
        top = order[:, : k * step]
        mask = np.zeros((n, f), dtype=bool)
        mask[rows[:, None], top] = True
        deletion[:, k] = predict(model, np.where(mask, 0.0, x))[rows, c]
        insertion[:, k] = predict(model, np.where(mask, x, 0.0))[rows, c]
    return deletion, insertion


def save_safetensors(path, tensors, metadata):
    """The safetensors format by hand (8-byte header length, JSON header, raw little-endian bytes), no torch needed."""
    codes = {np.dtype("float32"): "F32", np.dtype("int64"): "I64"}
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, a in tensors.items():
        raw = np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": codes[a.dtype], "shape": list(a.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    path.write_bytes(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--variant", choices=["main", "pr"], required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)

    digits = load_digits()
    x_all = digits.data / 16.0  # pixel intensities in [0, 1]; 0 is the background
    index = np.arange(len(x_all))
    x_train, x_test, y_train, y_test, _, idx_test = train_test_split(x_all, digits.target, index, test_size=300, random_state=0, stratify=digits.target)
    model = LogisticRegression(max_iter=5000, C=1.0).fit(x_train, y_train)
    probs = predict(model, x_test)
    c = probs.argmax(axis=1)

    ids = np.array([f"digit-{i:04d}" for i in idx_test])
    np.save(out / "ids.npy", ids)
    save_safetensors(out / "model_outputs.safetensors", {"probs": probs.astype(np.float32), "labels": y_test.astype(np.int64)},
                     {"model": "sklearn LogisticRegression(C=1.0)", "dataset": "sklearn.datasets.load_digits"})

    gxi = gradient_x_input(model, x_test, c)
    if args.variant == "pr":
        gxi = gaussian_blur(gxi)
    explainers = {
        "gradient_x_input": gxi,
        "occlusion": occlusion(model, x_test, c),
        "random": np.random.default_rng(0).random(x_test.shape),
    }
    for name, attributions in explainers.items():
        deletion, insertion = curves(model, x_test, c, attributions)
        np.savez_compressed(out / f"{name}.npz", attributions=attributions.reshape(-1, 8, 8).astype(np.float32),
                            deletion_curves=deletion.astype(np.float32), insertion_curves=insertion.astype(np.float32))
    # The numbers the report should show, from numpy alone (the trapezoid rule over each curve as saved, float32, on [0, 1], then the mean).
    check = {"variant": args.variant, "accuracy": float((c == y_test).mean())}
    for name, attributions in explainers.items():
        deletion, insertion = curves(model, x_test, c, attributions)
        check[name] = {"deletion_auc": float(trapezoid(deletion.astype(np.float32).astype(np.float64), dx=1 / K, axis=1).mean()),
                       "insertion_auc": float(trapezoid(insertion.astype(np.float32).astype(np.float64), dx=1 / K, axis=1).mean())}
    (out / "numpy_check.json").write_text(json.dumps(check, indent=1) + "\n")
    print(json.dumps(check))


if __name__ == "__main__":
    main()
