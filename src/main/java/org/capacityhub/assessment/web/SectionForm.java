package org.capacityhub.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.capacityhub.assessment.domain.AnswerInput;
import org.capacityhub.assessment.domain.BarrierKind;
import org.capacityhub.assessment.domain.Confidence;
import org.capacityhub.assessment.domain.Views;

/**
 * The facilitator's form for one section. Evidence links are typed one per line; each kind of barrier has a
 * checkbox and a description (a description typed without ticking the box still counts: nothing typed is lost).
 */
public class SectionForm {

    private Long version;
    private Long levelId;
    private String notes;
    private String evidence;
    private Confidence confidence;
    private List<BarrierKind> barriers = new ArrayList<>();
    private Map<String, String> barrierNotes = new LinkedHashMap<>();
    private String go;

    static SectionForm of(Views.SectionView section) {
        SectionForm form = new SectionForm();
        form.version = section.version();
        form.levelId = section.levelId();
        form.notes = section.notes();
        form.evidence = section.evidenceText();
        form.confidence = section.confidence();
        for (Views.BarrierView barrier : section.barriers()) {
            form.barriers.add(barrier.kind());
            if (barrier.description() != null) {
                form.barrierNotes.put(barrier.kind().name(), barrier.description());
            }
        }
        return form;
    }

    AnswerInput toInput() {
        List<String> links = evidence == null ? List.of() : List.of(evidence.split("\\R"));
        List<AnswerInput.BarrierInput> observed = new ArrayList<>();
        for (BarrierKind kind : BarrierKind.values()) {
            String description = barrierNotes.get(kind.name());
            boolean described = description != null && !description.isBlank();
            if (barriers.contains(kind) || described) {
                observed.add(new AnswerInput.BarrierInput(kind, description));
            }
        }
        return new AnswerInput(levelId, notes, links, confidence, observed);
    }

    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public Long getLevelId() { return levelId; }
    public void setLevelId(Long levelId) { this.levelId = levelId; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public Confidence getConfidence() { return confidence; }
    public void setConfidence(Confidence confidence) { this.confidence = confidence; }
    public List<BarrierKind> getBarriers() { return barriers; }
    public void setBarriers(List<BarrierKind> barriers) { this.barriers = barriers == null ? new ArrayList<>() : barriers; }
    public Map<String, String> getBarrierNotes() { return barrierNotes; }
    public void setBarrierNotes(Map<String, String> barrierNotes) {
        this.barrierNotes = barrierNotes == null ? new LinkedHashMap<>() : barrierNotes;
    }
    public String getGo() { return go; }
    public void setGo(String go) { this.go = go; }
}
