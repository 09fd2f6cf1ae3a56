package io.tavola.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The loaded data set as scripts/bench.d/manifest.sql reads it back from the database. */
record Manifest(List<Restaurant> restaurants) {

    record Restaurant(int index, String id, String chef, List<Table> tables, List<Item> items) {}

    record Table(String id, String qrToken) {}

    record Item(String id, List<Group> groups) {}

    record Group(int min, int max, List<String> options) {}

    static Manifest read(Path file) throws IOException {
        JsonObject root = new JsonObject(Files.readString(file));
        List<Restaurant> restaurants = new ArrayList<>();
        JsonArray rs = root.getJsonArray("restaurants");
        for (int i = 0; i < rs.size(); i++) {
            JsonObject r = rs.getJsonObject(i);
            List<Table> tables = new ArrayList<>();
            for (Object t : r.getJsonArray("tables")) {
                JsonObject table = (JsonObject) t;
                tables.add(new Table(table.getString("id"), table.getString("qr_token")));
            }
            List<Item> items = new ArrayList<>();
            for (Object it : r.getJsonArray("items")) {
                JsonObject item = (JsonObject) it;
                List<Group> groups = new ArrayList<>();
                for (Object g : item.getJsonArray("groups")) {
                    JsonObject group = (JsonObject) g;
                    List<String> options = new ArrayList<>();
                    group.getJsonArray("options").forEach(o -> options.add((String) o));
                    groups.add(new Group(group.getInteger("min"), group.getInteger("max"), options));
                }
                items.add(new Item(item.getString("id"), groups));
            }
            restaurants.add(new Restaurant(i, r.getString("id"), r.getString("chef"), tables, items));
        }
        if (restaurants.isEmpty()) {
            throw new IllegalStateException("the manifest " + file + " holds no restaurant: was the data set loaded?");
        }
        return new Manifest(List.copyOf(restaurants));
    }
}
