throw new Error("did not load on purpose");
