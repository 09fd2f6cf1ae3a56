console.log("tavola-spa-asset");
