package io.xspy.trace;

/** The health of a node or a trace, in X-Ray's terms, ordered from best to worst. */
public enum Status {
    OK, ERROR, THROTTLE, FAULT;

    public Status worst(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Status from X-Ray's flags; a throttle is also an error, a fault outranks both. */
    public static Status of(boolean error, boolean throttle, boolean fault) {
        if (fault) return FAULT;
        if (throttle) return THROTTLE;
        if (error) return ERROR;
        return OK;
    }

    /** Status implied by an HTTP response code, for documents that set no flags. */
    public static Status ofHttp(Integer code) {
        if (code == null) return OK;
        if (code >= 500) return FAULT;
        if (code == 429) return THROTTLE;
        if (code >= 400) return ERROR;
        return OK;
    }
}
