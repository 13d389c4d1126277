package dev.jinju.graphql;

import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A GraphQL document that is exactly one {@code ingest} mutation of a batch passed as a variable, as the browser
 * SDK sends it: {@code mutation Ingest($batch: IngestBatch!) { ingest(batch: $batch) { accepted rejected { index
 * reason } } }}. {@link #of} recognises such a document and returns null for every other one (aliases,
 * directives, fragments, literals, other fields, a second operation), which SmallRye then runs as usual.
 *
 * @param operationName the operation's name, or null
 * @param variable      the name of the variable that holds the batch
 * @param result        the fields of {@code IngestResult} selected, in order
 * @param rejection     the fields of {@code Rejection} selected, in order (empty when {@code rejected} is not)
 */
record IngestMutationDocument(String operationName, String variable, List<String> result, List<String> rejection) {
    private static final Set<String> RESULT_FIELDS = Set.of("accepted", "rejected", "__typename");
    private static final Set<String> REJECTION_FIELDS = Set.of("index", "reason", "__typename");

    static IngestMutationDocument of(Document document) {
        List<Definition> definitions = document.getDefinitions();
        if (definitions.size() != 1 || !(definitions.get(0) instanceof OperationDefinition op)
                || op.getOperation() != OperationDefinition.Operation.MUTATION || !op.getDirectives().isEmpty()
                || op.getVariableDefinitions().size() != 1) {
            return null;
        }
        VariableDefinition variable = op.getVariableDefinitions().get(0);
        if (variable.getDefaultValue() != null || !variable.getDirectives().isEmpty()
                || !(variable.getType() instanceof NonNullType nonNull)
                || !(nonNull.getType() instanceof TypeName type) || !type.getName().equals("IngestBatch")) {
            return null;
        }
        Field ingest = onlyField(op.getSelectionSet());
        if (ingest == null || !ingest.getName().equals("ingest") || ingest.getArguments().size() != 1) {
            return null;
        }
        Argument batch = ingest.getArguments().get(0);
        if (!batch.getName().equals("batch") || !(batch.getValue() instanceof VariableReference ref)
                || !ref.getName().equals(variable.getName())) {
            return null;
        }
        List<Field> resultFields = plainFields(ingest.getSelectionSet(), RESULT_FIELDS);
        if (resultFields == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        List<String> rejection = List.of();
        for (Field f : resultFields) {
            result.add(f.getName());
            boolean object = f.getName().equals("rejected");
            if (object != (f.getSelectionSet() != null)) {
                return null; // a selection on a scalar, or none on an object: a validation error
            }
            if (object) {
                List<Field> rejectionFields = plainFields(f.getSelectionSet(), REJECTION_FIELDS);
                if (rejectionFields == null || rejectionFields.stream().anyMatch(r -> r.getSelectionSet() != null)) {
                    return null;
                }
                rejection = rejectionFields.stream().map(Field::getName).toList();
            }
        }
        return new IngestMutationDocument(op.getName(), variable.getName(), List.copyOf(result), rejection);
    }

    /** The selection set's one field, if it has exactly one field without alias or directive. */
    private static Field onlyField(SelectionSet set) {
        List<Field> fields = plainFields(set, null);
        return fields == null || fields.size() != 1 ? null : fields.get(0);
    }

    /**
     * The fields of a selection set when every selection is a field named in {@code allowed} (any when null) with
     * no alias, directive or argument (but the top field's), each name once; null otherwise.
     */
    private static List<Field> plainFields(SelectionSet set, Set<String> allowed) {
        if (set == null || set.getSelections().isEmpty()) {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        for (Selection<?> s : set.getSelections()) {
            if (!(s instanceof Field f) || f.getAlias() != null || !f.getDirectives().isEmpty()
                    || (allowed != null && (!allowed.contains(f.getName()) || !f.getArguments().isEmpty()))
                    || fields.stream().anyMatch(other -> other.getName().equals(f.getName()))) {
                return null;
            }
            fields.add(f);
        }
        return fields;
    }
}
